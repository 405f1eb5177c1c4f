using PtceFunding.Application.Access;
using PtceFunding.Application.Notifications;
using PtceFunding.Application.Payments;

namespace PtceFunding.Application.Agreements;

/// <summary>
/// A program officer of a funder party, who sees the agreement, records an amendment (avenant) of a signed or active
/// agreement: a new amount, a longer duration, a new yearly split or a new lead member, with its effective date and
/// object. The officer commits only their own funder: the new commitment they give (a total with either its yearly
/// amounts or a shape, split like a draft by <see cref="AgreementSchedule.DefaultSplit"/>) is theirs; the other funders
/// keep theirs (on an extension, with nothing in the added years). The amendment is a new numbered version; the
/// installments neither ordered nor paid are regenerated (<see cref="PaymentSchedule.Replan"/>), recovery orders created
/// when the amount falls below what was paid, an extension adds the reports of the new years and moves the final report (<see cref="ReportingRules.Align"/>), and
/// the lead member's verified users notified.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record AmendAgreement(
    Guid AgreementId,
    AmendmentKind Kind,
    DateOnly EffectiveOn,
    string Reason,
    IReadOnlyList<AmendedCommitment>? Funders,
    int? DurationYears,
    Guid? LeadOrganisationId,
    int? ExpectedVersion) : ICommand<Result<AmendedAgreement>>, IVersioned;

/// <summary>
/// A funder's new commitment: its total, and either its yearly amounts (one per agreement year, adding up to the total)
/// or a shape (flat when none) the yearly amounts are computed from.
/// </summary>
public sealed record AmendedCommitment(Guid FunderId, decimal Total, ScheduleShape? Shape = null, IReadOnlyList<decimal>? YearlyAmounts = null);

/// <summary>The amendment's number, the agreement's new version, and what the schedule became.</summary>
public sealed record AmendedAgreement(int Number, int Version, int CancelledInstallments, IReadOnlyList<InstallmentView> AddedInstallments, IReadOnlyList<RecoveryOrderView> RecoveryOrders);

internal sealed class AmendAgreementValidator : AbstractValidator<AmendAgreement>
{
    public AmendAgreementValidator()
    {
        RuleFor(c => c.Kind).Must(k => k is AmendmentKind.ChangeAmount or AmendmentKind.ExtendDuration or AmendmentKind.ChangeYearlySplit or AmendmentKind.ChangeLeadMember)
            .WithMessage("Un avenant modifie le montant, la durée, la répartition annuelle ou le chef de file.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Indiquez l'objet de l'avenant.")
            .MaximumLength(1000).WithMessage("L'objet de l'avenant compte au plus 1 000 caractères.");
        RuleForEach(c => c.Funders).ChildRules(funder =>
        {
            funder.RuleFor(f => f.Total).GreaterThan(0).WithMessage("Le montant d'un financeur est positif.")
                .Must(Money.IsInCents).WithMessage("Le montant d'un financeur s'exprime en euros et centimes.");
            funder.RuleForEach(f => f.YearlyAmounts).GreaterThanOrEqualTo(0).WithMessage("Un montant annuel ne peut pas être négatif.")
                .Must(Money.IsInCents).WithMessage("Les montants annuels s'expriment en euros et centimes.");
        });
    }
}

internal sealed class AmendAgreementHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock, ILinks links)
    : ICommandHandler<AmendAgreement, Result<AmendedAgreement>>
{
    public async ValueTask<Result<AmendedAgreement>> Handle(AmendAgreement request, CancellationToken cancellationToken)
    {
        var found = await db.FindAgreementForOfficer(user, request.AgreementId, tracked: true, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (agreement, funderId) = found.Value;
        if (db.VersionConflict(agreement, request) is { } conflict)
        {
            return conflict;
        }

        var formerLead = agreement.LeadOrganisationId;
        var now = clock.GetUtcNow();
        var applied = await Amendments.Apply(
            db,
            agreement,
            funderId,
            new AmendmentInput(request.Kind, request.EffectiveOn, request.Reason, request.Funders, request.DurationYears, request.LeadOrganisationId),
            tracked: true,
            now,
            cancellationToken).ConfigureAwait(false);
        if (!applied.IsSuccess)
        {
            return applied.Error;
        }

        var (version, change, existing) = applied.Value;
        db.Installments.AddRange(change.Added);
        db.RecoveryOrders.AddRange(change.Recoveries);
        var reports = await db.Reports.Where(r => r.AgreementId == agreement.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (request.Kind == AmendmentKind.ExtendDuration)
        {
            var aligned = ReportingRules.Align(agreement, reports, user.UserId!.Value, now);
            db.Reports.AddRange(aligned);
            reports.AddRange(aligned);
        }

        await Notify(agreement, version, formerLead, change, now, cancellationToken).ConfigureAwait(false);

        var today = now.Today();
        var held = ReportingRules.PaymentsHeld(agreement, reports, today);
        return new AmendedAgreement(
            version.Number,
            db.VersionOnceSaved(agreement),
            existing.Count(i => i.State == InstallmentState.Cancelled && i.CancelledAt == now.UtcDateTime),
            [.. change.Added.Select(i => i.ToView(today, held))],
            [.. change.Recoveries.Select(r => r.ToView())]);
    }

    private async Task Notify(Agreement agreement, AgreementVersion version, Domain.Organisations.OrganisationId formerLead, ScheduleChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recovered = change.Recoveries.Sum(r => r.Amount);
        var notice = new Notices.AgreementAmended(
            Number: version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title: agreement.Title,
            Kind: AmendmentText.KindLabel(version.Kind).ToLowerInvariant(),
            EffectiveOn: version.EffectiveOn,
            Reason: version.Reason ?? "",
            Summary: $"Montant total de la convention : {Money.Format(version.Total)} sur {version.DurationYears} an(s), jusqu'au {FrenchFormat.Date(agreement.EndDate)}."
                + (recovered > 0 ? $" Un ordre de reversement de {Money.Format(recovered)} sera émis." : ""))
        {
            Link = links.Agreement(agreement.Id),
        };
        var leads = version.LeadOrganisationId == formerLead ? [formerLead] : new[] { formerLead, version.LeadOrganisationId };
        foreach (var lead in leads)
        {
            await db.NotifyVerifiedUsers(lead, notice, $"agreement-amended:{agreement.Id}:{version.Number}", now, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>The values of an amendment as a client gives them, before they become the domain's <see cref="AmendmentRequest"/>.</summary>
public sealed record AmendmentInput(
    AmendmentKind Kind,
    DateOnly EffectiveOn,
    string Reason,
    IReadOnlyList<AmendedCommitment>? Funders,
    int? DurationYears,
    Guid? LeadOrganisationId);

/// <summary>French labels of amendments: the API's kindLabel, the notices and the pages (through the Web presentation kit).</summary>
public static class AmendmentText
{
    public static string KindLabel(AmendmentKind kind) => kind switch
    {
        AmendmentKind.Initial => "Convention initiale",
        AmendmentKind.ChangeAmount => "Modification du montant",
        AmendmentKind.ExtendDuration => "Prolongation",
        AmendmentKind.ChangeYearlySplit => "Nouvelle répartition annuelle",
        AmendmentKind.ChangeLeadMember => "Changement de chef de file",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>How an officer's amendment becomes new terms and a new schedule; shared by the command and its preview.</summary>
internal static class Amendments
{

    /// <summary>
    /// Amends <paramref name="agreement"/> and aligns its schedule. With <paramref name="tracked"/> false, the
    /// installments and recovery orders are read without tracking: the caller previews, nothing is saved.
    /// </summary>
    public static async Task<Result<(AgreementVersion Version, ScheduleChange Change, List<Installment> Existing)>> Apply(
        IPtceDbContext db, Agreement agreement, Domain.Funders.FunderId officerFunder, AmendmentInput input, bool tracked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = Request(agreement, officerFunder, input);
        if (!request.IsSuccess)
        {
            return request.Error;
        }

        var amended = agreement.Amend(input.Kind, request.Value, input.EffectiveOn, input.Reason, now);
        if (!amended.IsSuccess)
        {
            return amended.Error;
        }

        var installments = tracked ? db.Installments.Include(i => i.Payments) : db.Installments.AsNoTracking().Include(i => i.Payments);
        var existing = await installments.Where(i => i.AgreementId == agreement.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (input.Kind == AmendmentKind.ChangeLeadMember)
        {
            // Same amounts, same years: the schedule stands as it is.
            return (amended.Value, new ScheduleChange([], []), existing);
        }

        var recoveryOrders = tracked ? db.RecoveryOrders : db.RecoveryOrders.AsNoTracking();
        var recoveries = await recoveryOrders.Where(r => r.AgreementId == agreement.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var change = PaymentSchedule.Replan(agreement, existing, recoveries, agreement.SignedOn!.Value, now);
        return (amended.Value, change, existing);
    }

    /// <summary>
    /// The domain's request: the officer's funder gets the commitment given for it (yearly amounts, or computed from
    /// the shape over the new years); the other funders keep theirs (padded with nothing for added years); an entry for
    /// another funder is accepted only when it changes nothing.
    /// </summary>
    private static Result<AmendmentRequest> Request(Agreement agreement, Domain.Funders.FunderId officerFunder, AmendmentInput input)
    {
        if (input.Kind == AmendmentKind.ChangeLeadMember)
        {
            return new AmendmentRequest(LeadOrganisationId: input.LeadOrganisationId is { } lead ? new Domain.Organisations.OrganisationId(lead) : null);
        }

        var duration = agreement.DurationYears;
        if (input.Kind == AmendmentKind.ExtendDuration)
        {
            if (input.DurationYears is not { } longer)
            {
                return Error.Validation(nameof(AmendmentInput.DurationYears), "Indiquez la nouvelle durée de la convention.");
            }

            if (longer is < 1 or > Domain.Calls.CallRules.LongestAgreementYears)
            {
                return Error.RuleBroken("agreement.duration_out_of_range", $"Une convention dure de 1 à {Domain.Calls.CallRules.LongestAgreementYears} ans.");
            }

            duration = longer;
        }

        var given = input.Funders ?? [];
        if (given.Select(f => f.FunderId).Distinct().Count() != given.Count)
        {
            return Error.Validation(nameof(AmendmentInput.Funders), "Chaque financeur figure une seule fois.");
        }

        if (given.Any(g => agreement.Funders.All(f => f.FunderId.Value != g.FunderId)))
        {
            return Error.RuleBroken("agreement.funders_changed", "Un avenant engage les mêmes financeurs que la convention.");
        }

        var years = AgreementYear.Sequence(agreement.StartDate, duration, agreement.AnniversaryYears);
        var commitments = new List<FunderCommitment>();
        foreach (var current in agreement.Funders)
        {
            var entry = given.FirstOrDefault(g => g.FunderId == current.FunderId.Value);
            if (entry is null || (current.FunderId != officerFunder && Unchanged(current, entry)))
            {
                commitments.Add(new FunderCommitment(current.FunderId, current.Total, [.. current.YearlyAmounts, .. Enumerable.Repeat(0m, Math.Max(0, years.Count - current.YearlyAmounts.Count))]));
                continue;
            }

            if (current.FunderId != officerFunder)
            {
                return Error.RuleBroken("agreement.other_funder", "Un chargé de mission ne modifie par avenant que l'engagement de son propre financeur.");
            }

            if (entry.YearlyAmounts is { } yearly)
            {
                commitments.Add(new FunderCommitment(current.FunderId, entry.Total, [.. yearly]));
                continue;
            }

            var split = AgreementSchedule.DefaultSplit(entry.Shape, years);
            if (!split.IsSuccess)
            {
                return split.Error;
            }

            var amounts = split.Value.Allocate(entry.Total);
            if (!amounts.IsSuccess)
            {
                return amounts.Error;
            }

            commitments.Add(new FunderCommitment(current.FunderId, entry.Total, amounts.Value));
        }

        return new AmendmentRequest(commitments, input.Kind == AmendmentKind.ExtendDuration ? duration : null);
    }

    private static bool Unchanged(FunderCommitment current, AmendedCommitment entry) =>
        entry.Total == current.Total && (entry.YearlyAmounts is null ? entry.Shape is null : entry.YearlyAmounts.SequenceEqual(current.YearlyAmounts));
}
