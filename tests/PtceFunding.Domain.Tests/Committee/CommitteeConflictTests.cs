using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Committee;
using PtceFunding.Domain.Tests.Builders;

namespace PtceFunding.Domain.Tests.Committee;

public sealed class CommitteeConflictTests
{
    private static readonly DateTimeOffset Now = new(2027, 4, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_member_declares_a_conflict_on_a_planned_session_and_may_change_it_until_it_opens()
    {
        var session = Session();
        var conflict = CommitteeConflict.Declare(session, Guid.NewGuid(), FundingApplicationId.New(), hasConflict: true, Now).Value;

        Assert.True(conflict.HasConflict);
        Assert.True(conflict.Redeclare(session, hasConflict: false, Now.AddHours(1)).IsSuccess);
        Assert.False(conflict.HasConflict);
        Assert.Equal(Now.AddHours(1).UtcDateTime, conflict.DeclaredAt);
    }

    [Fact]
    public void Once_the_session_is_open_declarations_are_refused()
    {
        var session = Session();
        var conflict = CommitteeConflict.Declare(session, Guid.NewGuid(), FundingApplicationId.New(), hasConflict: false, Now).Value;
        Assert.True(session.Open(Now).IsSuccess);

        Assert.Equal("session.already_open", CommitteeConflict.Declare(session, Guid.NewGuid(), FundingApplicationId.New(), true, Now).Error?.Code);
        Assert.Equal("session.already_open", conflict.Redeclare(session, true, Now).Error?.Code);
        Assert.False(conflict.HasConflict);
    }

    private static CommitteeSession Session() =>
        CommitteeSession.Plan(CommitteeSessionId.New(), new CallBuilder().Build(), "Comité d'avril", new DateOnly(2027, 3, 31), new DateOnly(2027, 4, 20), CallBuilder.DraftedAt).Value;
}
