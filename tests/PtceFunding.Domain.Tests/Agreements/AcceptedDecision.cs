using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Committee;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Tests.Builders;

namespace PtceFunding.Domain.Tests.Agreements;

/// <summary>
/// The default application of <see cref="ApplicationBuilder"/> (start 1 September 2027), accepted by the April
/// committee for 60 000 € from the State and 40 000 € from the Region over the given duration.
/// </summary>
internal static class AcceptedDecision
{
    public static readonly DateTimeOffset MeetingTime = new(2027, 4, 20, 14, 0, 0, TimeSpan.Zero);
    public static readonly Guid Officer = Guid.NewGuid();
    public const decimal StateTotal = 60_000m;
    public const decimal RegionTotal = 40_000m;

    public static (CommitteeDecision Decision, FundingApplication Application, CommitteeSession Session, Call Call) Build(int durationYears = 2, IReadOnlyList<IndicatorCommitment>? indicators = null)
    {
        var call = new CallBuilder().Build();
        var session = CommitteeSession.Plan(CommitteeSessionId.New(), call, "Comité d'avril", new DateOnly(2027, 3, 31), new DateOnly(2027, 4, 20), CallBuilder.DraftedAt).Value;
        var builder = new ApplicationBuilder(call);
        var draft = (indicators is null ? builder : builder.CommittingTo([.. indicators])).Build();
        Succeeds(draft.Submit(null, session));
        var application = draft.Application;
        Succeeds(application.ConfirmCompleteness(Officer, ApplicationBuilder.SubmittedAt));
        Succeeds(application.DeclareEligibility(true, null, Officer, ApplicationBuilder.SubmittedAt));
        Succeeds(session.Open(MeetingTime));
        var decision = CommitteeDecision.Record(session, call, application, Input(DecisionOutcome.Accepted, durationYears), null, null, Officer, MeetingTime).Value;
        return (decision, application, session, call);
    }

    public static DecisionInput Input(DecisionOutcome outcome, int durationYears = 2) => outcome == DecisionOutcome.Accepted
        ? new(outcome, [new(CallBuilder.State, StateTotal), new(CallBuilder.Region, RegionTotal)], durationYears, null, null, "Vote : unanimité")
        : new(outcome, [], null, null, "Projet insuffisamment étayé", "Vote : 4 contre 3");

    /// <summary>Each funder's total split evenly over <paramref name="years"/> agreement years, the remaining cents on the last one.</summary>
    public static IReadOnlyList<FunderCommitment> EvenSplit(int years, decimal state = StateTotal, decimal region = RegionTotal) =>
        [Even(CallBuilder.State, state, years), Even(CallBuilder.Region, region, years)];

    public static FunderCommitment Even(Domain.Funders.FunderId funder, decimal total, int years)
    {
        var share = decimal.Round(total / years, 2, MidpointRounding.ToZero);
        return new FunderCommitment(funder, total, [.. Enumerable.Repeat(share, years - 1), total - (share * (years - 1))]);
    }

    private static void Succeeds(Result result) => Assert.True(result.IsSuccess, result.Error?.Code);
}
