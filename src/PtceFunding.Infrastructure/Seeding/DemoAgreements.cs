using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Seeding;

/// <summary>
/// The agreements of the applications accepted at the demo's closed session, drafted, signed and planned through
/// the domain exactly as the use cases do (DraftAgreement, SignAgreement: installments and reports), then handled by
/// the DREETS finance officer and program officer:
/// <list type="bullet">
/// <item>one under way for its second budget year: legal commitment recorded, year-1 advance ordered and paid,
/// year-2 advance ordered, and the year-1 balance blocked (its year is over, its reports are open — due at the end
/// of this year — and not approved);</item>
/// <item>one just signed, with no legal commitment yet and its first advance due (the browser test pays it), its
/// reports upcoming;</item>
/// <item>one covering a project started three years ago, whose reports show every review outcome: year 1 approved
/// (indicator values, approved accounts in the file store) and its balance released, year 2's activity report
/// rejected and its financial report overdue — which holds every payment of the agreement —, year 3's activity
/// report submitted (awaiting the officer) and its financial report returned with comments and a due date within
/// the week, the final report open.</item>
/// </list>
/// Dates follow the session's and today's, so that the schedules and statuses read the same whatever day the demo is
/// seeded. No reminder is written here: the first reminders sweep finds the report due within the week and the
/// overdue one.
/// </summary>
internal sealed class DemoAgreements(PtceDbContext db, DemoStaff staff, IFileStore files)
{
    public const string CanneryTitle = "Conserverie coopérative du Pilat";

    public async Task Seed(DemoAcceptance underWay, DemoAcceptance justSigned, DemoAcceptance cannery, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Under way: a convention covering the budget years since last year (it runs from 1 January of last year); its
        // reports are due twelve months after each year, so that last year's are open all this year.
        var forez = Sign(underWay, new DateOnly(today.Year - 1, 1, 1), reportDueAfterMonths: 12);
        var legalCommitmentOn = underWay.DecidedAt.AddDays(28);
        Ensure(forez.Agreement.RecordLegalCommitment(DemoSeeder.StateAuvergneRhoneAlpes, "2103004521", staff.Finance, legalCommitmentOn), "legal commitment");

        var firstAdvance = forez.Installment(1, InstallmentKind.Advance);
        var orderedOn = Day(legalCommitmentOn.AddDays(2));
        Order(forez, firstAdvance, "DP-FOREZ-0001", orderedOn);
        var paidOn = orderedOn.AddDays(15);
        _ = Ensure(firstAdvance.RecordPayment("demo:forez:advance-1", firstAdvance.Amount, paidOn, "VIR-FOREZ-000117", staff.Finance, At(paidOn)), "year-1 advance payment");

        var secondAdvance = forez.Installment(2, InstallmentKind.Advance);
        var secondOrderedOn = Later(secondAdvance.DueFrom, orderedOn);
        if (secondOrderedOn <= today)
        {
            Order(forez, secondAdvance, "DP-FOREZ-0002", secondOrderedOn);
        }

        // Just signed: covers the budget year of its signature from 1 January (full calendar years taper cleanly).
        var signedOn = Day(justSigned.DecidedAt.AddDays(21));
        Sign(justSigned, new DateOnly(signedOn.Year, 1, 1));

        await SeedCannery(Sign(cannery, new DateOnly(today.Year - 3, 1, 1), reportDueAfterMonths: 12), cannery.LeadMemberUser, today, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Three budget years from 1 January three years ago, reports due twelve months after each year: year 1's are
    /// filed and approved after the signature (releasing its balance), year 2's activity report is rejected and its
    /// financial report, due at the end of last year, is overdue; year 3's (open this year) are submitted, and one
    /// returned; the final report is open.
    /// </summary>
    private async Task SeedCannery(Signed signed, Guid lead, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agreement = signed.Agreement;
        var signedOn = agreement.SignedOn!.Value;
        Ensure(agreement.RecordLegalCommitment(DemoSeeder.StateAuvergneRhoneAlpes, "2103004688", staff.Finance, At(signedOn.AddDays(7))), "legal commitment");
        Report Of(ReportKind kind, int year) => signed.Reports.Single(r => r.Kind == kind && r.YearNumber == year);

        // Year 1: both reports filed after the signature and approved; its balance is released (held like every payment of the agreement).
        var filed = At(signedOn.AddDays(10));
        var reviewed = At(signedOn.AddDays(20));
        await File(Of(ReportKind.Activity, 1), lead, filed, [new("emplois", 8m), new("membres", 4m), new("ressources-propres", 33m)], cancellationToken).ConfigureAwait(false);
        await File(Of(ReportKind.Financial, 1), lead, filed, [], cancellationToken).ConfigureAwait(false);
        Ensure(Of(ReportKind.Activity, 1).Approve(staff.Officer, reviewed), "year-1 activity report approval");
        Ensure(Of(ReportKind.Financial, 1).Approve(staff.Officer, reviewed), "year-1 financial report approval");
        if (ReportingRules.ReleaseApproved(signed.Reports, signed.Installments, reviewed).Count != 1)
        {
            throw new InvalidOperationException("Demo agreement: the approval of year 1's reports should release its balance.");
        }

        // Year 2: the activity report rejected; the financial report never filed, overdue since the start of this year.
        await File(Of(ReportKind.Activity, 2), lead, filed, [new("emplois", 7m), new("membres", 4m), new("ressources-propres", 30m)], cancellationToken).ConfigureAwait(false);
        Ensure(Of(ReportKind.Activity, 2).Reject("Les emplois déclarés ne correspondent pas aux déclarations sociales transmises ; le compte rendu ne peut pas être accepté en l'état.", staff.Officer, reviewed), "year-2 activity report rejection");
        // As RejectReport does: the year's funding is not justified, its installments are cancelled (nothing was paid for it).
        _ = PaymentSchedule.RejectYear(agreement, signed.Installments, [], 2, "Compte rendu d'activité de l'année 2 rejeté", reviewed);

        // Year 3 (open since 1 January): the activity report awaits the officer; the financial report was returned
        // today, to be filed again within five days (so the first sweep sends its J-7 reminder).
        var opened = Later(new DateOnly(today.Year, 1, 1), signedOn);
        await File(Of(ReportKind.Activity, 3), lead, Before(now, Later(opened, today.AddDays(-5)), 9), [new("emplois", 9m), new("membres", 5m), new("ressources-propres", 41m)], cancellationToken).ConfigureAwait(false);
        var financial = Of(ReportKind.Financial, 3);
        await File(financial, lead, Before(now.AddMinutes(-2), Later(opened, today.AddDays(-12)), 9), [], cancellationToken).ConfigureAwait(false);
        Ensure(
            financial.Return("Les comptes transmis ne sont pas approuvés par l'assemblée générale : joignez le procès-verbal d'approbation.", today.AddDays(5), staff.Officer, Before(now.AddMinutes(-1), Later(opened, today.AddDays(-2)), 11)),
            "year-3 financial report return");
    }

    /// <summary>The lead member fills the indicators, attaches the required documents (real PDFs in the file store) and submits, as SubmitReport does.</summary>
    private async Task File(Report report, Guid by, DateTimeOffset at, IReadOnlyList<IndicatorValue> values, CancellationToken cancellationToken)
    {
        var day = Day(at);
        Ensure(report.FillIndicators(values, day), $"indicators of {report.Kind} {report.YearNumber}");
        foreach (var type in report.RequiredAttachments)
        {
            var fileName = $"{type}-annee-{report.YearNumber}.pdf";
            using var content = new MemoryStream(DemoFunding.DemoPdf($"{Report.KindLabel(report.Kind)}, annee {report.YearNumber} : {Report.AttachmentLabel(type)}"));
            var stored = await files.Save(content, cancellationToken).ConfigureAwait(false);
            _ = Ensure(report.Attach(new ReportAttachment(Guid.CreateVersion7(), type, fileName, "application/pdf", stored.Size, stored.Sha256, stored.Key, by, at.UtcDateTime), day), $"attachment of {report.Kind} {report.YearNumber}");
        }

        Ensure(report.Submit(by, at), $"submission of {report.Kind} {report.YearNumber}");
    }

    /// <summary>Drafted from the decision with the default split of the proposed shape, signed by the DREETS officer then the lead member, its installments planned.</summary>
    private Signed Sign(DemoAcceptance accepted, DateOnly startDate, int reportDueAfterMonths = AgreementSettings.DefaultReportDueAfterMonths)
    {
        var settings = new AgreementSettings(ReportDueAfterMonths: reportDueAfterMonths, StartDate: startDate);
        var years = AgreementYear.Sequence(startDate, accepted.Decision.DurationYears!.Value, settings.AnniversaryYears);
        var split = AgreementSchedule.DefaultSplit(accepted.Application.ProposedShape, years);
        var commitments = AgreementSchedule.Commitments(accepted.Decision.Amounts, Ensure(split, "yearly split"));
        var agreement = Ensure(
            Agreement.DraftFrom(AgreementId.New(), accepted.Decision, accepted.Application, Ensure(commitments, "commitments"), settings, staff.Officer, accepted.DecidedAt.AddDays(7)),
            "draft");
        Ensure(agreement.SignByFunder(DemoSeeder.StateAuvergneRhoneAlpes, staff.Officer, accepted.DecidedAt.AddDays(14)), "funder signature");
        Ensure(agreement.SignByLeadMember(accepted.LeadMemberUser, accepted.DecidedAt.AddDays(21)), "lead member signature");
        var installments = PaymentSchedule.Plan(agreement, agreement.SignedOn!.Value);
        var reports = Report.For(agreement);
        db.Agreements.Add(agreement);
        db.Installments.AddRange(installments);
        db.Reports.AddRange(reports);
        return new Signed(agreement, installments, reports);
    }

    /// <summary>Orders the installment to the lead member's approved bank details (seeded before the agreements), as OrderInstallment does.</summary>
    private void Order(Signed signed, Installment installment, string reference, DateOnly on)
    {
        var account = db.BankAccounts.Local.First(b => b.OrganisationId == signed.Agreement.LeadOrganisationId && b.Status == BankAccountStatus.Approved);
        Ensure(installment.Order(reference, signed.Agreement.LegalCommitmentOf(installment.FunderId), account.Id.Value, staff.Finance, on, signed.Agreement.PaymentsHeld), $"order {reference}");
    }

    private static DateOnly Day(DateTimeOffset at) => at.Today();

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary><paramref name="day"/> at <paramref name="hour"/>, but never after <paramref name="limit"/> (the demo's history stops now).</summary>
    private static DateTimeOffset Before(DateTimeOffset limit, DateOnly day, int hour)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
        return at < limit ? at : limit;
    }

    private static void Ensure(Result result, string what)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Demo agreement ({what}) refused: {result.Error.Message}");
        }
    }

    private static T Ensure<T>(Result<T> result, string what) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo agreement ({what}) refused: {result.Error.Message}");

    private sealed record Signed(Agreement Agreement, IReadOnlyList<Installment> Installments, IReadOnlyList<Report> Reports)
    {
        public Installment Installment(int year, InstallmentKind kind) => Installments.Single(i => i.Year == year && i.Kind == kind);
    }
}

/// <summary>An application accepted at the demo's closed session: its decision, when it was taken, and the user who signs for its lead member.</summary>
internal sealed record DemoAcceptance(FundingApplication Application, CommitteeDecision Decision, DateTimeOffset DecidedAt, Guid LeadMemberUser);
