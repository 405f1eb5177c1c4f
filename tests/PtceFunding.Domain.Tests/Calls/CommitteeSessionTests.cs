using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Tests.Builders;

namespace PtceFunding.Domain.Tests.Calls;

public sealed class CommitteeSessionTests
{
    private static readonly DateOnly MarchCutOff = new(2027, 3, 31);
    private static readonly DateOnly JuneCutOff = new(2027, 6, 30);

    /// <summary>23:30 in Paris (summer time since 28 March) on the March cut-off day.</summary>
    private static readonly DateTimeOffset LateOnCutOffDayInParis = new(2027, 3, 31, 21, 30, 0, TimeSpan.Zero);

    /// <summary>00:10 in Paris on the day after the March cut-off.</summary>
    private static readonly DateTimeOffset JustAfterMidnightInParis = new(2027, 3, 31, 22, 10, 0, TimeSpan.Zero);

    [Fact]
    public void An_application_submitted_late_on_the_cut_off_day_joins_that_session()
    {
        var call = new CallBuilder().Build();
        var (march, june) = (Session(call, MarchCutOff), Session(call, JuneCutOff));

        Assert.Same(march, CommitteeSession.NextFor([june, march], call.TimeZoneId, LateOnCutOffDayInParis));
    }

    [Fact]
    public void An_application_submitted_just_after_local_midnight_joins_the_next_session()
    {
        var call = new CallBuilder().Build();
        var (march, june) = (Session(call, MarchCutOff), Session(call, JuneCutOff));

        Assert.Same(june, CommitteeSession.NextFor([march, june], call.TimeZoneId, JustAfterMidnightInParis));
    }

    [Fact]
    public void Submitting_assigns_the_application_to_the_session_of_the_call_time_zone()
    {
        var call = new CallBuilder().Build();
        var (march, june) = (Session(call, MarchCutOff), Session(call, JuneCutOff));
        var onTime = new ApplicationBuilder(call).Build();
        var late = new ApplicationBuilder(call).Build();

        Assert.True(onTime.Submit(LateOnCutOffDayInParis, march, june).IsSuccess);
        Assert.True(late.Submit(JustAfterMidnightInParis, march, june).IsSuccess);

        Assert.Equal(march.Id, onTime.Application.SessionId);
        Assert.Equal(june.Id, late.Application.SessionId);
        Assert.False(onTime.Application.IsUnscheduled);
    }

    [Fact]
    public void Submitting_never_joins_a_session_of_another_call()
    {
        var call = new CallBuilder().Build();
        var otherCallsMarch = Session(new CallBuilder().Build(), MarchCutOff);
        var june = Session(call, JuneCutOff);
        var draft = new ApplicationBuilder(call).Build();

        Assert.True(draft.Submit(LateOnCutOffDayInParis, otherCallsMarch, june).IsSuccess);

        Assert.Equal(june.Id, draft.Application.SessionId);
    }

    [Fact]
    public void In_cayenne_the_cut_off_day_ends_three_hours_after_midnight_utc()
    {
        var call = new CallBuilder().InTimeZone("America/Cayenne").Build();
        var (march, june) = (Session(call, MarchCutOff), Session(call, JuneCutOff));

        // Past midnight in Paris, still 19:10 on 31 March in Cayenne.
        Assert.Same(march, CommitteeSession.NextFor([march, june], call.TimeZoneId, JustAfterMidnightInParis));
        Assert.Same(march, CommitteeSession.NextFor([march, june], call.TimeZoneId, new DateTimeOffset(2027, 4, 1, 2, 59, 59, TimeSpan.Zero)));
        Assert.Same(june, CommitteeSession.NextFor([march, june], call.TimeZoneId, new DateTimeOffset(2027, 4, 1, 3, 10, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_closed_session_is_skipped()
    {
        var call = new CallBuilder().Build();
        var (march, june) = (Closed(Session(call, MarchCutOff)), Session(call, JuneCutOff));

        Assert.Same(june, CommitteeSession.NextFor([march, june], call.TimeZoneId, LateOnCutOffDayInParis));
    }

    [Fact]
    public void Without_a_future_session_the_application_waits_unscheduled()
    {
        var call = new CallBuilder().Build();
        var march = Session(call, MarchCutOff);
        var draft = new ApplicationBuilder(call).Build();

        Assert.Null(CommitteeSession.NextFor([march], call.TimeZoneId, JustAfterMidnightInParis));
        Assert.True(draft.Submit(JustAfterMidnightInParis, march).IsSuccess);

        Assert.Null(draft.Application.SessionId);
        Assert.True(draft.Application.IsUnscheduled);
    }

    [Fact]
    public void A_draft_is_not_unscheduled()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).Build();

        Assert.False(draft.Application.IsUnscheduled);
    }

    [Fact]
    public void A_later_session_picks_up_an_unscheduled_application()
    {
        var call = new CallBuilder().Build();
        var draft = new ApplicationBuilder(call).Build();
        draft.Submit(JustAfterMidnightInParis);
        var june = Session(call, JuneCutOff, plannedAt: JustAfterMidnightInParis.AddDays(3));

        var result = draft.Application.Schedule(june, call.TimeZoneId);

        Assert.True(result.IsSuccess);
        Assert.Equal(june.Id, draft.Application.SessionId);
        Assert.False(draft.Application.IsUnscheduled);
        Assert.Equal("application.not_unscheduled", draft.Application.Schedule(june, call.TimeZoneId).Error?.Code);
    }

    [Fact]
    public void Scheduling_into_a_session_whose_cut_off_precedes_the_submission_is_refused()
    {
        var call = new CallBuilder().Build();
        var march = Session(call, MarchCutOff);
        var draft = new ApplicationBuilder(call).Build();
        draft.Submit(JustAfterMidnightInParis);

        var result = draft.Application.Schedule(march, call.TimeZoneId);

        Assert.Equal("session.cut_off_before_submission", result.Error?.Code);
        Assert.True(draft.Application.IsUnscheduled);
    }

    [Fact]
    public void Scheduling_into_a_session_of_another_call_or_a_closed_one_is_refused()
    {
        var call = new CallBuilder().Build();
        var draft = new ApplicationBuilder(call).Build();
        draft.Submit(JustAfterMidnightInParis);

        Assert.Equal("application.not_unscheduled", draft.Application.Schedule(Session(new CallBuilder().Build(), JuneCutOff), call.TimeZoneId).Error?.Code);
        Assert.Equal("application.not_unscheduled", draft.Application.Schedule(Closed(Session(call, JuneCutOff)), call.TimeZoneId).Error?.Code);
        Assert.True(draft.Application.IsUnscheduled);
    }

    [Fact]
    public void A_session_meets_after_its_cut_off_and_is_not_planned_once_the_cut_off_is_over()
    {
        var call = new CallBuilder().Build();

        var meetingFirst = CommitteeSession.Plan(CommitteeSessionId.New(), call, "Comité", MarchCutOff, MarchCutOff.AddDays(-1), CallBuilder.DraftedAt);
        var pastCutOff = CommitteeSession.Plan(CommitteeSessionId.New(), call, "Comité", MarchCutOff, MarchCutOff.AddDays(20), JustAfterMidnightInParis);
        var lastMinute = CommitteeSession.Plan(CommitteeSessionId.New(), call, "Comité", MarchCutOff, MarchCutOff.AddDays(20), LateOnCutOffDayInParis);

        Assert.Contains("MeetingDate", meetingFirst.Error!.FieldErrors.Keys);
        Assert.Contains("CutOffDate", pastCutOff.Error!.FieldErrors.Keys);
        Assert.True(lastMinute.IsSuccess);
    }

    [Fact]
    public void A_closed_call_gets_no_new_session()
    {
        var call = new CallBuilder().Build();
        call.Close(CallBuilder.DraftedAt.AddDays(2));

        var planned = CommitteeSession.Plan(CommitteeSessionId.New(), call, "Comité", JuneCutOff, JuneCutOff.AddDays(15), CallBuilder.DraftedAt.AddDays(3));

        Assert.Equal("call.closed", planned.Error?.Code);
    }

    private static CommitteeSession Session(Call call, DateOnly cutOff, DateTimeOffset? plannedAt = null) =>
        CommitteeSession.Plan(CommitteeSessionId.New(), call, $"Comité du {cutOff:dd/MM/yyyy}", cutOff, cutOff.AddDays(20), plannedAt ?? CallBuilder.DraftedAt).Value;

    /// <summary>
    /// The domain has no transition to a closed session yet (it comes with the committee meeting in the
    /// review issue), so the stored state is set the way the database would load it.
    /// </summary>
    private static CommitteeSession Closed(CommitteeSession session)
    {
        typeof(CommitteeSession).GetProperty(nameof(CommitteeSession.Status))!.SetValue(session, SessionStatus.Closed);
        return session;
    }
}
