using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Committee;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Tests.Builders;

namespace PtceFunding.Domain.Tests.Agreements;

public sealed class AgreementTests
{
    private static readonly DateTimeOffset DraftedAt = new(2027, 5, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Drafter = Guid.NewGuid();
    private static readonly Guid StateOfficer = Guid.NewGuid();
    private static readonly Guid RegionOfficer = Guid.NewGuid();
    private static readonly Guid LeadUser = Guid.NewGuid();

    // The default application starts on 1 September 2027: over 2 calendar years, 2027 (4 months), 2028, 2029 (8 months).
    private const int CalendarYears = 3;

    [Fact]
    public void Drafting_from_an_accepted_decision_copies_parties_amounts_objectives_and_obligations()
    {
        var (decision, application, _, _) = AcceptedDecision.Build();

        var result = Agreement.DraftFrom(AgreementId.New(), decision, application, AcceptedDecision.EvenSplit(CalendarYears), new AgreementSettings(AdvancePercentage: 30m), Drafter, DraftedAt);

        Assert.True(result.IsSuccess, result.Error?.Code);
        var agreement = result.Value;
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.Equal(decision.Id, agreement.DecisionId);
        Assert.Equal(application.Id, agreement.ApplicationId);
        Assert.Equal(application.Title, agreement.Title);
        Assert.Equal(application.Description, agreement.Description);
        Assert.Equal(new DateOnly(2027, 9, 1), agreement.StartDate);
        Assert.Equal(new DateOnly(2029, 8, 31), agreement.EndDate);
        Assert.Equal(2, agreement.DurationYears);
        Assert.Equal([(CallBuilder.State, 60_000m), (CallBuilder.Region, 40_000m)], agreement.Funders.Select(f => (f.FunderId, f.Total)));
        Assert.Equal([20_000m, 20_000m, 20_000m], agreement.Funders[0].YearlyAmounts);
        Assert.Equal(100_000m, agreement.Total);
        Assert.Equal(application.LeadOrganisationId, agreement.LeadOrganisationId);
        Assert.Equal(application.Members.Select(m => (m.OrganisationId, m.Role, m.BudgetShare)), agreement.Members.Select(m => (m.OrganisationId, m.Role, m.BudgetShare)));
        var objective = Assert.Single(agreement.Objectives);
        Assert.Equal(("emplois", 3m), (objective.IndicatorCode, objective.Baseline));
        Assert.Equal([5m, 8m], objective.YearlyTargets);
        Assert.Equal(30m, agreement.PaymentTerms.AdvancePercentage);
        Assert.Equal(CalendarYears * 2 + 1, agreement.ReportingObligations.Count);
        var version = Assert.Single(agreement.Versions);
        Assert.Equal((0, AmendmentKind.Initial), (version.Number, version.Kind));
    }

    [Fact]
    public void Reports_are_due_six_months_after_the_end_of_each_year_and_the_final_one_after_the_agreement()
    {
        var agreement = Draft();

        Assert.Equal(
            [
                (ReportKind.Activity, (int?)1, new DateOnly(2028, 6, 30)),
                (ReportKind.Financial, 1, new DateOnly(2028, 6, 30)),
                (ReportKind.Activity, 2, new DateOnly(2029, 6, 30)),
                (ReportKind.Financial, 2, new DateOnly(2029, 6, 30)),
                (ReportKind.Activity, 3, new DateOnly(2030, 2, 28)),
                (ReportKind.Financial, 3, new DateOnly(2030, 2, 28)),
                (ReportKind.Final, null, new DateOnly(2030, 2, 28)),
            ],
            agreement.ReportingObligations.Select(o => (o.Kind, o.YearNumber, o.DueOn)));
    }

    [Fact]
    public void The_report_delay_is_configurable()
    {
        var agreement = Draft(settings: new AgreementSettings(ReportDueAfterMonths: 3));

        Assert.Equal(new DateOnly(2028, 3, 31), agreement.ReportingObligations[0].DueOn);
        Assert.Equal(new DateOnly(2029, 11, 30), agreement.ReportingObligations[^1].DueOn);
    }

    [Fact]
    public void A_three_year_agreement_starting_in_april_runs_over_four_calendar_years()
    {
        var (decision, application, _, _) = AcceptedDecision.Build(durationYears: 3);

        var agreement = Agreement.DraftFrom(
            AgreementId.New(), decision, application, AcceptedDecision.EvenSplit(4), new AgreementSettings(StartDate: new DateOnly(2027, 4, 1)), Drafter, DraftedAt).Value;

        Assert.Equal([2027, 2028, 2029, 2030], agreement.Years.Select(y => y.Start.Year));
        Assert.Equal([9, 12, 12, 3], agreement.Years.Select(y => y.End.Month - y.Start.Month + 1));
        Assert.Equal(new DateOnly(2030, 9, 30), agreement.ReportingObligations.Single(o => o.Kind == ReportKind.Final).DueOn);
    }

    [Fact]
    public void Anniversary_years_are_chosen_by_a_flag()
    {
        var agreement = Draft(settings: new AgreementSettings(AnniversaryYears: true), funders: AcceptedDecision.EvenSplit(2));

        Assert.Equal([(new DateOnly(2027, 9, 1), new DateOnly(2028, 8, 31)), (new DateOnly(2028, 9, 1), new DateOnly(2029, 8, 31))], agreement.Years.Select(y => (y.Start, y.End)));
        Assert.Equal(new DateOnly(2029, 2, 28), agreement.ReportingObligations[0].DueOn);
    }

    [Theory]
    [InlineData(DecisionOutcome.Rejected, "agreement.decision_not_accepted")]
    [InlineData(DecisionOutcome.Deferred, "agreement.decision_not_accepted")]
    public void Drafting_from_a_decision_that_is_not_an_acceptance_is_refused(DecisionOutcome outcome, string code)
    {
        var (accepted, application, session, call) = AcceptedDecision.Build();
        var other = CommitteeDecision.Record(session, call, application, AcceptedDecision.Input(outcome), accepted, null, AcceptedDecision.Officer, AcceptedDecision.MeetingTime.AddMinutes(5)).Value;

        var result = Agreement.DraftFrom(AgreementId.New(), other, application, AcceptedDecision.EvenSplit(CalendarYears), new AgreementSettings(), Drafter, DraftedAt);

        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public void Drafting_from_a_superseded_acceptance_is_refused()
    {
        var (accepted, application, session, call) = AcceptedDecision.Build();
        Assert.True(CommitteeDecision.Record(session, call, application, AcceptedDecision.Input(DecisionOutcome.Rejected), accepted, null, AcceptedDecision.Officer, AcceptedDecision.MeetingTime.AddMinutes(5)).IsSuccess);

        var result = Agreement.DraftFrom(AgreementId.New(), accepted, application, AcceptedDecision.EvenSplit(CalendarYears), new AgreementSettings(), Drafter, DraftedAt);

        Assert.Equal("agreement.decision_superseded", result.Error?.Code);
    }

    [Fact]
    public void Yearly_amounts_that_do_not_add_up_to_the_total_are_refused()
    {
        var (decision, application, _, _) = AcceptedDecision.Build();
        IReadOnlyList<FunderCommitment> funders =
            [new(CallBuilder.State, 60_000m, [20_000m, 20_000m, 19_999.99m]), AcceptedDecision.Even(CallBuilder.Region, 40_000m, CalendarYears)];

        var result = Agreement.DraftFrom(AgreementId.New(), decision, application, funders, new AgreementSettings(), Drafter, DraftedAt);

        Assert.Equal("agreement.yearly_amounts_mismatch", result.Error?.Code);
    }

    [Fact]
    public void Yearly_amounts_are_needed_for_each_agreement_year()
    {
        var (decision, application, _, _) = AcceptedDecision.Build();

        var result = Agreement.DraftFrom(AgreementId.New(), decision, application, AcceptedDecision.EvenSplit(2), new AgreementSettings(), Drafter, DraftedAt);

        Assert.Equal("agreement.yearly_amounts_mismatch", result.Error?.Code);
    }

    [Fact]
    public void The_totals_are_those_of_the_decision()
    {
        var (decision, application, _, _) = AcceptedDecision.Build();

        var result = Agreement.DraftFrom(AgreementId.New(), decision, application, AcceptedDecision.EvenSplit(CalendarYears, state: 70_000m), new AgreementSettings(), Drafter, DraftedAt);

        Assert.Equal("agreement.totals_mismatch", result.Error?.Code);
    }

    [Fact]
    public void The_agreement_is_signed_only_once_every_funder_and_the_lead_member_have_signed_in_any_order()
    {
        var agreement = Draft();
        var at = DraftedAt.AddDays(3);

        Assert.True(agreement.SignByLeadMember(LeadUser, at).IsSuccess);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.True(agreement.SignByFunder(CallBuilder.Region, RegionOfficer, at.AddDays(1)).IsSuccess);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.Equal([(SignatoryKind.Funder, (Domain.Funders.FunderId?)CallBuilder.State)], agreement.MissingSignatures);

        Assert.True(agreement.SignByFunder(CallBuilder.State, StateOfficer, at.AddDays(2)).IsSuccess);

        Assert.Equal(AgreementStatus.Signed, agreement.Status);
        Assert.Equal(at.AddDays(2).UtcDateTime, agreement.SignedAt);
        Assert.Empty(agreement.MissingSignatures);
        Assert.Equal(
            [(SignatoryKind.LeadMember, LeadUser, at.UtcDateTime), (SignatoryKind.Funder, RegionOfficer, at.AddDays(1).UtcDateTime), (SignatoryKind.Funder, StateOfficer, at.AddDays(2).UtcDateTime)],
            agreement.Signatures.Select(s => (s.Kind, s.SignedBy, s.SignedAt)));
    }

    [Fact]
    public void A_party_signs_once_and_only_parties_sign()
    {
        var agreement = Draft();

        Assert.True(agreement.SignByFunder(CallBuilder.State, StateOfficer, DraftedAt).IsSuccess);

        Assert.Equal("agreement.already_signed", agreement.SignByFunder(CallBuilder.State, Guid.NewGuid(), DraftedAt).Error?.Code);
        Assert.Equal("agreement.not_a_party", agreement.SignByFunder(Domain.Funders.FunderId.New(), Guid.NewGuid(), DraftedAt).Error?.Code);
        Assert.True(agreement.SignByLeadMember(LeadUser, DraftedAt).IsSuccess);
        Assert.Equal("agreement.already_signed", agreement.SignByLeadMember(LeadUser, DraftedAt).Error?.Code);
        Assert.Single(agreement.Signatures, s => s.Kind == SignatoryKind.Funder);
    }

    [Fact]
    public void Signing_an_agreement_that_is_no_longer_a_draft_is_refused()
    {
        var agreement = Signed();

        Assert.Equal("agreement.not_draft", agreement.SignByLeadMember(LeadUser, DraftedAt).Error?.Code);
        Assert.Equal("agreement.not_draft", agreement.SignByFunder(CallBuilder.State, StateOfficer, DraftedAt).Error?.Code);
    }

    [Fact]
    public void A_draft_cannot_be_activated_until_every_signature_is_in()
    {
        var agreement = Draft();
        Assert.True(agreement.SignByFunder(CallBuilder.State, StateOfficer, DraftedAt).IsSuccess);

        var result = agreement.Activate(new DateTimeOffset(2027, 9, 1, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal("agreement.signature_missing", result.Error?.Code);
        Assert.Contains("1 financeur(s) et le chef de file", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
    }

    [Fact]
    public void A_signed_agreement_becomes_active_on_its_start_date_not_before()
    {
        var agreement = Signed();

        // The start date is a Paris date (ADR 0027): 21:30 UTC on 31 August is still 31 August in Paris, 22:30 UTC is 1 September.
        Assert.Equal("agreement.not_started", agreement.Activate(new DateTimeOffset(2027, 8, 31, 21, 30, 0, TimeSpan.Zero)).Error?.Code);
        Assert.True(agreement.Activate(new DateTimeOffset(2027, 8, 31, 22, 30, 0, TimeSpan.Zero)).IsSuccess);

        Assert.Equal(AgreementStatus.Active, agreement.Status);
        Assert.Equal(new DateTime(2027, 8, 31, 22, 30, 0, DateTimeKind.Utc), agreement.ActivatedAt);
    }

    [Fact]
    public void An_agreement_signed_after_its_start_date_is_active_at_once()
    {
        var agreement = Signed(at: new DateTimeOffset(2027, 9, 15, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(AgreementStatus.Active, agreement.Status);
        Assert.Equal(agreement.SignedAt, agreement.ActivatedAt);
    }

    [Fact]
    public void An_active_agreement_is_completed_after_its_last_day()
    {
        var agreement = Signed(at: new DateTimeOffset(2027, 9, 15, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal("agreement.not_ended", agreement.Complete(new DateTimeOffset(2029, 8, 31, 12, 0, 0, TimeSpan.Zero)).Error?.Code);
        Assert.True(agreement.Complete(new DateTimeOffset(2029, 9, 1, 12, 0, 0, TimeSpan.Zero)).IsSuccess);
        Assert.Equal(AgreementStatus.Completed, agreement.Status);
    }

    [Fact]
    public void Early_termination_records_its_reason_and_effective_date()
    {
        var agreement = Signed(at: new DateTimeOffset(2027, 9, 15, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal("validation", agreement.Terminate(" ", new DateOnly(2028, 6, 30)).Error?.Code);
        Assert.Equal("agreement.termination_date_out_of_range", agreement.Terminate("Dissolution", new DateOnly(2029, 9, 1)).Error?.Code);
        Assert.True(agreement.Terminate("  Dissolution du consortium ", new DateOnly(2028, 6, 30)).IsSuccess);

        Assert.Equal(AgreementStatus.TerminatedEarly, agreement.Status);
        Assert.Equal(new DateOnly(2028, 6, 30), agreement.TerminatedOn);
        Assert.Equal("Dissolution du consortium", agreement.TerminationReason);
        Assert.Equal("agreement.transition_not_allowed", agreement.Terminate("Encore", new DateOnly(2028, 7, 1)).Error?.Code);
    }

    [Fact]
    public void A_draft_is_neither_amended_nor_terminated()
    {
        var agreement = Draft();

        Assert.Equal("agreement.transition_not_allowed", agreement.Amend(AmendmentKind.ChangeYearlySplit, new(AcceptedDecision.EvenSplit(CalendarYears)), new DateOnly(2027, 9, 1), "Avenant", DraftedAt).Error?.Code);
        Assert.Equal("agreement.transition_not_allowed", agreement.Terminate("Abandon", new DateOnly(2027, 9, 1)).Error?.Code);
    }

    [Fact]
    public void Amendments_are_numbered_one_two_and_previous_versions_stay_readable()
    {
        var agreement = Signed();
        IReadOnlyList<FunderCommitment> split = [new(CallBuilder.State, 60_000m, [10_000m, 30_000m, 20_000m]), AcceptedDecision.Even(CallBuilder.Region, 40_000m, CalendarYears)];

        var first = agreement.Amend(AmendmentKind.ChangeYearlySplit, new(split), new DateOnly(2027, 10, 1), "Décalage du recrutement", DraftedAt.AddMonths(5));
        var second = agreement.Amend(AmendmentKind.ChangeAmount, new(AcceptedDecision.EvenSplit(CalendarYears, state: 75_000m)), new DateOnly(2028, 1, 1), "Abondement de l'État", DraftedAt.AddMonths(8));

        Assert.True(first.IsSuccess, first.Error?.Code);
        Assert.True(second.IsSuccess, second.Error?.Code);
        Assert.Equal([0, 1, 2], agreement.Versions.Select(v => v.Number));
        Assert.Equal([AmendmentKind.Initial, AmendmentKind.ChangeYearlySplit, AmendmentKind.ChangeAmount], agreement.Versions.Select(v => v.Kind));
        Assert.Equal([20_000m, 20_000m, 20_000m], agreement.Versions[0].Funders[0].YearlyAmounts);
        Assert.Equal([10_000m, 30_000m, 20_000m], agreement.Versions[1].Funders[0].YearlyAmounts);
        Assert.Equal(100_000m, agreement.Versions[1].Total);
        Assert.Same(agreement.Versions[2], agreement.CurrentVersion);
        Assert.Equal(115_000m, agreement.Total);
        Assert.Equal(("Abondement de l'État", new DateOnly(2028, 1, 1)), (agreement.CurrentVersion.Reason, agreement.CurrentVersion.EffectiveOn));
        Assert.Equal(AgreementStatus.Signed, agreement.Status);
    }

    [Fact]
    public void An_amount_change_must_keep_the_yearly_amounts_adding_up_to_the_new_total()
    {
        var agreement = Signed();
        IReadOnlyList<FunderCommitment> funders = [new(CallBuilder.State, 75_000m, [20_000m, 20_000m, 20_000m]), AcceptedDecision.Even(CallBuilder.Region, 40_000m, CalendarYears)];

        var result = agreement.Amend(AmendmentKind.ChangeAmount, new(funders), new DateOnly(2028, 1, 1), "Abondement", DraftedAt);

        Assert.Equal("agreement.yearly_amounts_mismatch", result.Error?.Code);
        Assert.Single(agreement.Versions);
        Assert.Equal(60_000m, agreement.Funders[0].Total);
    }

    [Fact]
    public void A_change_of_yearly_split_keeps_each_funder_s_total()
    {
        var agreement = Signed();

        var result = agreement.Amend(AmendmentKind.ChangeYearlySplit, new(AcceptedDecision.EvenSplit(CalendarYears, state: 75_000m)), new DateOnly(2028, 1, 1), "Nouvelle répartition", DraftedAt);

        Assert.Equal("agreement.totals_changed", result.Error?.Code);
    }

    [Fact]
    public void An_extension_lengthens_the_agreement_up_to_five_years_in_all()
    {
        var agreement = Signed();

        var tooLong = agreement.Amend(AmendmentKind.ExtendDuration, new(AcceptedDecision.EvenSplit(7), DurationYears: 6), new DateOnly(2028, 1, 1), "Prolongation", DraftedAt);
        var extended = agreement.Amend(AmendmentKind.ExtendDuration, new(AcceptedDecision.EvenSplit(4), DurationYears: 3), new DateOnly(2028, 1, 1), "Prolongation d'un an", DraftedAt);

        Assert.Equal("agreement.duration_out_of_range", tooLong.Error?.Code);
        Assert.True(extended.IsSuccess, extended.Error?.Code);
        Assert.Equal(3, agreement.DurationYears);
        Assert.Equal(new DateOnly(2030, 8, 31), agreement.EndDate);
        Assert.Equal(4, agreement.Years.Count);
        Assert.Equal(2, agreement.Versions[0].DurationYears);
    }

    [Fact]
    public void The_lead_member_is_changed_to_another_member_of_the_consortium()
    {
        var agreement = Signed();
        var partner = agreement.Members.Single(m => m.OrganisationId != agreement.LeadOrganisationId).OrganisationId;
        var formerLead = agreement.LeadOrganisationId;

        Assert.Equal("agreement.lead_not_member", agreement.Amend(AmendmentKind.ChangeLeadMember, new(LeadOrganisationId: OrganisationId.New()), new DateOnly(2028, 1, 1), "Changement", DraftedAt).Error?.Code);
        Assert.True(agreement.Amend(AmendmentKind.ChangeLeadMember, new(LeadOrganisationId: partner), new DateOnly(2028, 1, 1), "Changement de chef de file", DraftedAt).IsSuccess);

        Assert.Equal(partner, agreement.LeadOrganisationId);
        Assert.Equal(formerLead, agreement.Versions[0].LeadOrganisationId);
        Assert.Equal(agreement.Versions[0].Funders.Select(f => f.Total), agreement.Funders.Select(f => f.Total));
    }

    private static Agreement Draft(AgreementSettings? settings = null, IReadOnlyList<FunderCommitment>? funders = null)
    {
        var (decision, application, _, _) = AcceptedDecision.Build();
        var result = Agreement.DraftFrom(AgreementId.New(), decision, application, funders ?? AcceptedDecision.EvenSplit(CalendarYears), settings ?? new AgreementSettings(), Drafter, DraftedAt);
        Assert.True(result.IsSuccess, result.Error?.Code);
        return result.Value;
    }

    private static Agreement Signed(DateTimeOffset? at = null)
    {
        var agreement = Draft();
        Succeeds(agreement.SignByFunder(CallBuilder.State, StateOfficer, at ?? DraftedAt));
        Succeeds(agreement.SignByFunder(CallBuilder.Region, RegionOfficer, at ?? DraftedAt));
        Succeeds(agreement.SignByLeadMember(LeadUser, at ?? DraftedAt));
        return agreement;
    }

    private static void Succeeds(Result result) => Assert.True(result.IsSuccess, result.Error?.Code);
}
