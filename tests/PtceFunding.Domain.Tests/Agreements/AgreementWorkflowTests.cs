using PtceFunding.Domain.Agreements;
using static PtceFunding.Domain.Agreements.AgreementAction;
using static PtceFunding.Domain.Agreements.AgreementStatus;

namespace PtceFunding.Domain.Tests.Agreements;

/// <summary>Every state × every action of an agreement, against the expected outcome written out here.</summary>
public sealed class AgreementWorkflowTests
{
    // Rows: states; columns: actions in the order of AgreementAction. null = refused.
    private static readonly AgreementAction[] Columns = [Sign, Activate, Amend, Complete, Terminate];

    private static readonly Dictionary<AgreementStatus, AgreementStatus?[]> Expected = new()
    {
        //                    Sign     Activate  Amend    Complete   Terminate
        [Draft] = [Signed, null, null, null, null],
        [Signed] = [null, Active, Signed, null, TerminatedEarly],
        [Active] = [null, null, Active, Completed, TerminatedEarly],
        [Completed] = [null, null, null, null, null],
        [TerminatedEarly] = [null, null, null, null, null],
    };

    public static TheoryData<AgreementStatus, AgreementAction> EveryPair()
    {
        var data = new TheoryData<AgreementStatus, AgreementAction>();
        foreach (var status in Enum.GetValues<AgreementStatus>())
        {
            foreach (var action in Enum.GetValues<AgreementAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_state_allows_exactly_the_expected_actions(AgreementStatus from, AgreementAction action)
    {
        var expected = Expected[from][Array.IndexOf(Columns, action)];

        var next = AgreementWorkflow.Next(from, action);

        if (expected is null)
        {
            Assert.False(next.IsSuccess, $"{from} + {action} should be refused");
            Assert.Equal("agreement.transition_not_allowed", next.Error!.Code);
            Assert.StartsWith("Impossible de ", next.Error.Message, StringComparison.Ordinal);
            Assert.False(AgreementWorkflow.Allows(from, action));
        }
        else
        {
            Assert.True(next.IsSuccess, $"{from} + {action} should lead to {expected}");
            Assert.Equal(expected, next.Value);
            Assert.True(AgreementWorkflow.Allows(from, action));
        }
    }

    [Fact]
    public void The_expectations_cover_every_state_and_every_action()
    {
        Assert.Equal(Enum.GetValues<AgreementStatus>().Order(), Expected.Keys.Order());
        Assert.Equal(Enum.GetValues<AgreementAction>().Order(), Columns.Order());
        Assert.All(Expected.Values, row => Assert.Equal(Columns.Length, row.Length));
        Assert.Equal(Expected.Values.Sum(row => row.Count(cell => cell is not null)), AgreementWorkflow.Table.Count);
    }
}
