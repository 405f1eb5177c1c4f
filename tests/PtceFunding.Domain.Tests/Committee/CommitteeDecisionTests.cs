using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Committee;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Tests.Builders;

namespace PtceFunding.Domain.Tests.Committee;

public sealed class CommitteeDecisionTests
{
    private static readonly DateTimeOffset MeetingTime = new(2027, 4, 20, 14, 0, 0, TimeSpan.Zero);
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly Guid Officer = Guid.NewGuid();

    [Fact]
    public void Accepting_an_eligible_application_records_the_amounts_and_accepts_it()
    {
        var (call, session, next, application) = EligibleOnAgenda();

        var decision = CommitteeDecision.Record(session, call, application, Accept(60_000m, 40_000m), null, next, Member, MeetingTime);

        Assert.True(decision.IsSuccess, decision.Error?.Code);
        Assert.Equal(ApplicationStatus.Accepted, application.Status);
        Assert.Equal(100_000m, decision.Value.TotalAmount);
        Assert.Equal(2, decision.Value.DurationYears);
        Assert.True(decision.Value.IsCurrent);
        Assert.Null(decision.Value.SupersedesId);
        Assert.Equal(ApplicationEventKind.Decided, application.History[^1].Kind);
    }

    [Fact]
    public void A_rejection_needs_public_reasons()
    {
        var (call, session, next, application) = EligibleOnAgenda();

        var decision = CommitteeDecision.Record(session, call, application, new DecisionInput(DecisionOutcome.Rejected, [], null, null, "  ", "Vote : 5 contre"), null, next, Member, MeetingTime);

        Assert.Equal("validation", decision.Error?.Code);
        Assert.Contains("PublicReasons", decision.Error!.FieldErrors.Keys);
        Assert.Equal(ApplicationStatus.Eligible, application.Status);
    }

    [Fact]
    public void Every_decision_needs_its_vote_or_rationale()
    {
        var (call, session, next, application) = EligibleOnAgenda();

        var decision = CommitteeDecision.Record(session, call, application, new DecisionInput(DecisionOutcome.Deferred, [], null, null, null, ""), null, next, Member, MeetingTime);

        Assert.Contains("Rationale", decision.Error!.FieldErrors.Keys);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(-1, 2)]
    [InlineData(10.001, 2)]
    [InlineData(10_000, 0)]
    [InlineData(10_000, 6)]
    public void An_acceptance_grants_positive_amounts_over_one_to_five_years(double amount, int years)
    {
        var (call, session, next, application) = EligibleOnAgenda();

        var decision = CommitteeDecision.Record(
            session, call, application, new DecisionInput(DecisionOutcome.Accepted, [new(CallBuilder.State, (decimal)amount)], years, null, null, "Unanimité"), null, next, Member, MeetingTime);

        Assert.Equal("validation", decision.Error?.Code);
        Assert.Equal(ApplicationStatus.Eligible, application.Status);
    }

    [Fact]
    public void An_acceptance_grants_only_from_the_funders_of_the_call()
    {
        var (call, session, next, application) = EligibleOnAgenda();

        var decision = CommitteeDecision.Record(
            session, call, application, new DecisionInput(DecisionOutcome.Accepted, [new(Domain.Funders.FunderId.New(), 10_000m)], 2, null, null, "Unanimité"), null, next, Member, MeetingTime);

        Assert.Contains("Amounts", decision.Error!.FieldErrors.Keys);
    }

    [Fact]
    public void A_deferral_moves_the_application_to_the_next_session()
    {
        var (call, session, next, application) = EligibleOnAgenda();

        var decision = CommitteeDecision.Record(session, call, application, new DecisionInput(DecisionOutcome.Deferred, [], null, null, null, "Pièces à compléter"), null, next, Member, MeetingTime);

        Assert.True(decision.IsSuccess);
        Assert.Equal(ApplicationStatus.Eligible, application.Status);
        Assert.Equal(next.Id, application.SessionId);
        Assert.Contains("reporté à la session", application.History[^1].Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void No_decision_is_recorded_outside_the_meeting(bool closed)
    {
        var (call, session, next, application) = EligibleOnAgenda(open: false);
        if (closed)
        {
            Assert.True(session.Open(MeetingTime).IsSuccess);
            Assert.True(session.Close(MeetingTime).IsSuccess);
        }

        var decision = CommitteeDecision.Record(session, call, application, Accept(10_000m, 0m), null, next, Member, MeetingTime);

        Assert.Equal(closed ? "session.closed" : "session.not_open", decision.Error?.Code);
        Assert.Equal(ApplicationStatus.Eligible, application.Status);
    }

    [Fact]
    public void Deciding_on_an_application_that_is_not_eligible_is_an_illegal_transition()
    {
        var call = new CallBuilder().Build();
        var (session, next) = Sessions(call);
        var draft = new ApplicationBuilder(call).Build();
        Assert.True(draft.Submit(null, session, next).IsSuccess);
        Assert.True(session.Open(MeetingTime).IsSuccess);

        var decision = CommitteeDecision.Record(session, call, draft.Application, Accept(10_000m, 0m), null, next, Member, MeetingTime);

        Assert.Equal("application.transition_not_allowed", decision.Error?.Code);
        Assert.Equal(ApplicationStatus.Submitted, draft.Application.Status);
    }

    [Fact]
    public void A_correction_supersedes_the_current_decision_which_is_kept()
    {
        var (call, session, next, application) = EligibleOnAgenda();
        var first = CommitteeDecision.Record(session, call, application, Accept(60_000m, 40_000m), null, next, Member, MeetingTime).Value;

        var second = CommitteeDecision.Record(
            session, call, application, new DecisionInput(DecisionOutcome.Rejected, [], null, null, "Budget insuffisamment étayé", "Vote : 4 contre 3"), first, next, Member, MeetingTime.AddMinutes(5));

        Assert.True(second.IsSuccess);
        Assert.Equal(first.Id, second.Value.SupersedesId);
        Assert.False(first.IsCurrent);
        Assert.Equal(MeetingTime.AddMinutes(5).UtcDateTime, first.SupersededAt);
        Assert.Equal(Member, first.SupersededBy);
        Assert.Equal(DecisionOutcome.Accepted, first.Outcome);
        Assert.Equal(100_000m, first.TotalAmount);
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
    }

    [Fact]
    public void A_deferral_superseded_while_the_session_is_open_brings_the_application_back()
    {
        var (call, session, next, application) = EligibleOnAgenda();
        var deferral = CommitteeDecision.Record(session, call, application, new DecisionInput(DecisionOutcome.Deferred, [], null, null, null, "Report"), null, next, Member, MeetingTime).Value;

        var acceptance = CommitteeDecision.Record(session, call, application, Accept(50_000m, 0m), deferral, next, Member, MeetingTime.AddMinutes(1));

        Assert.True(acceptance.IsSuccess, acceptance.Error?.Code);
        Assert.Equal(session.Id, application.SessionId);
        Assert.Equal(ApplicationStatus.Accepted, application.Status);
    }

    [Fact]
    public void A_refused_correction_leaves_the_current_decision_current()
    {
        var (call, session, next, application) = EligibleOnAgenda();
        var first = CommitteeDecision.Record(session, call, application, Accept(60_000m, 0m), null, next, Member, MeetingTime).Value;

        var second = CommitteeDecision.Record(session, call, application, new DecisionInput(DecisionOutcome.Rejected, [], null, null, null, "Vote"), first, next, Member, MeetingTime);

        Assert.False(second.IsSuccess);
        Assert.True(first.IsCurrent);
        Assert.Equal(ApplicationStatus.Accepted, application.Status);
    }

    private static DecisionInput Accept(decimal state, decimal region) => new(
        DecisionOutcome.Accepted,
        [.. new RequestedAmount[] { new(CallBuilder.State, state), new(CallBuilder.Region, region) }.Where(a => a.Amount != 0)],
        2,
        "Convention signée avant le 1er septembre",
        null,
        "Vote : unanimité");

    private static (CommitteeSession Session, CommitteeSession Next) Sessions(Call call) =>
        (CommitteeSession.Plan(CommitteeSessionId.New(), call, "Comité d'avril", new DateOnly(2027, 3, 31), new DateOnly(2027, 4, 20), CallBuilder.DraftedAt).Value,
         CommitteeSession.Plan(CommitteeSessionId.New(), call, "Comité de juillet", new DateOnly(2027, 6, 30), new DateOnly(2027, 7, 20), CallBuilder.DraftedAt).Value);

    private static (Call Call, CommitteeSession Session, CommitteeSession Next, FundingApplication Application) EligibleOnAgenda(bool open = true)
    {
        var call = new CallBuilder().Build();
        var (session, next) = Sessions(call);
        var draft = new ApplicationBuilder(call).Build();
        Succeeds(draft.Submit(null, session, next));
        var application = draft.Application;
        Succeeds(application.ConfirmCompleteness(Officer, ApplicationBuilder.SubmittedAt));
        Succeeds(application.DeclareEligibility(true, null, Officer, ApplicationBuilder.SubmittedAt));
        Succeeds(application.Propose("Rapport", [new(CallBuilder.State, 60_000m), new(CallBuilder.Region, 40_000m)], 2, ScheduleShape.Flat, Officer, ApplicationBuilder.SubmittedAt));
        if (open)
        {
            Succeeds(session.Open(MeetingTime));
        }

        return (call, session, next, application);
    }

    private static void Succeeds(Result result) => Assert.True(result.IsSuccess, result.Error?.Code);
}
