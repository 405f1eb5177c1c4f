using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Committee;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Payments;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Seeding;

/// <summary>
/// The agreements of the applications accepted at the demo's closed session, drafted, signed and planned through
/// the domain exactly as the use cases do (DraftAgreement, SignAgreement), then handled by the DREETS finance officer:
/// <list type="bullet">
/// <item>one under way for its second budget year: legal commitment recorded, year-1 advance ordered and paid,
/// year-2 advance ordered, and the year-1 balance blocked (its year is over, its reports are not approved);</item>
/// <item>one just signed, with no legal commitment yet and its first advance due (the browser test pays it).</item>
/// </list>
/// Dates follow the session's, so that the schedules read the same whatever day the demo is seeded.
/// </summary>
internal sealed class DemoAgreements(PtceDbContext db, DemoStaff staff)
{
    public void Seed(DemoAcceptance underWay, DemoAcceptance justSigned, DateOnly today)
    {
        // Under way: a convention covering the budget years since last year (it runs from 1 January of last year).
        var forez = Sign(underWay, new DateOnly(today.Year - 1, 1, 1));
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
    }

    /// <summary>Drafted from the decision with the default split of the proposed shape, signed by the DREETS officer then the lead member, its installments planned.</summary>
    private Signed Sign(DemoAcceptance accepted, DateOnly startDate)
    {
        var settings = new AgreementSettings(StartDate: startDate);
        var years = AgreementYear.Sequence(startDate, accepted.Decision.DurationYears!.Value, settings.AnniversaryYears);
        var split = AgreementSchedule.DefaultSplit(accepted.Application.ProposedShape, years);
        var commitments = AgreementSchedule.Commitments(accepted.Decision.Amounts, Ensure(split, "yearly split"));
        var agreement = Ensure(
            Agreement.DraftFrom(AgreementId.New(), accepted.Decision, accepted.Application, Ensure(commitments, "commitments"), settings, staff.Officer, accepted.DecidedAt.AddDays(7)),
            "draft");
        Ensure(agreement.SignByFunder(DemoSeeder.StateAuvergneRhoneAlpes, staff.Officer, accepted.DecidedAt.AddDays(14)), "funder signature");
        Ensure(agreement.SignByLeadMember(accepted.LeadMemberUser, accepted.DecidedAt.AddDays(21)), "lead member signature");
        var installments = PaymentSchedule.Plan(agreement, agreement.SignedOn!.Value);
        db.Agreements.Add(agreement);
        db.Installments.AddRange(installments);
        return new Signed(agreement, installments);
    }

    /// <summary>Orders the installment to the lead member's approved bank details (seeded before the agreements), as OrderInstallment does.</summary>
    private void Order(Signed signed, Installment installment, string reference, DateOnly on)
    {
        var account = db.BankAccounts.Local.First(b => b.OrganisationId == signed.Agreement.LeadOrganisationId && b.Status == BankAccountStatus.Approved);
        Ensure(installment.Order(reference, account.Id.Value, staff.Finance, on, signed.Agreement.PaymentsHeld), $"order {reference}");
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static void Ensure(Result result, string what)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Demo agreement ({what}) refused: {result.Error.Message}");
        }
    }

    private static T Ensure<T>(Result<T> result, string what) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo agreement ({what}) refused: {result.Error.Message}");

    private sealed record Signed(Agreement Agreement, IReadOnlyList<Installment> Installments)
    {
        public Installment Installment(int year, InstallmentKind kind) => Installments.Single(i => i.Year == year && i.Kind == kind);
    }
}

/// <summary>An application accepted at the demo's closed session: its decision, when it was taken, and the user who signs for its lead member.</summary>
internal sealed record DemoAcceptance(FundingApplication Application, CommitteeDecision Decision, DateTimeOffset DecidedAt, Guid LeadMemberUser);
