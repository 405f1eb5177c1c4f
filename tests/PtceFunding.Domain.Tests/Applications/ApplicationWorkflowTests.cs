using PtceFunding.Domain.Applications;
using static PtceFunding.Domain.Applications.ApplicationAction;
using static PtceFunding.Domain.Applications.ApplicationStatus;

namespace PtceFunding.Domain.Tests.Applications;

/// <summary>Every state × every action of an application, against the expected outcome written out here.</summary>
public sealed class ApplicationWorkflowTests
{
    // Rows: states; columns: actions in the order of ApplicationAction. "-" = refused.
    private static readonly ApplicationAction[] Columns = [Submit, RequestCorrections, Resubmit, ConfirmCompleteness, DeclareEligible, DeclareIneligible, Accept, Reject, Defer, Withdraw];

    private static readonly Dictionary<ApplicationStatus, string?[]> Expected = new()
    {
        //                               Submit     RequestCorr.  Resubmit   Confirm    Eligible   Ineligible  Accept     Reject     Defer      Withdraw
        [Draft] = ["Submitted", null, null, null, null, null, null, null, null, "Withdrawn"],
        [Submitted] = [null, "CorrectionsRequested", null, "Complete", null, null, null, null, null, "Withdrawn"],
        [CorrectionsRequested] = [null, null, "Submitted", null, null, null, null, null, null, "Withdrawn"],
        [Complete] = [null, "CorrectionsRequested", null, null, "Eligible", "Ineligible", null, null, null, "Withdrawn"],
        [Eligible] = [null, null, null, null, null, null, "Accepted", "Rejected", "Eligible", "Withdrawn"],
        [Ineligible] = [null, null, null, null, null, null, null, null, null, null],
        [Accepted] = [null, null, null, null, null, null, "Accepted", "Rejected", "Eligible", null],
        [Rejected] = [null, null, null, null, null, null, "Accepted", "Rejected", "Eligible", null],
        [Withdrawn] = [null, null, null, null, null, null, null, null, null, null],
    };

    public static TheoryData<ApplicationStatus, ApplicationAction> EveryPair()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationAction>();
        foreach (var status in Enum.GetValues<ApplicationStatus>())
        {
            foreach (var action in Enum.GetValues<ApplicationAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_state_allows_exactly_the_expected_actions(ApplicationStatus from, ApplicationAction action)
    {
        var expected = Expected[from][Array.IndexOf(Columns, action)];

        var next = ApplicationWorkflow.Next(from, action);

        if (expected is null)
        {
            Assert.False(next.IsSuccess, $"{from} + {action} should be refused");
            Assert.Equal("application.transition_not_allowed", next.Error!.Code);
            Assert.StartsWith("Impossible de ", next.Error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(next.IsSuccess, $"{from} + {action} should lead to {expected}");
            Assert.Equal(Enum.Parse<ApplicationStatus>(expected), next.Value);
        }
    }

    [Fact]
    public void The_expectations_cover_every_state_and_every_action()
    {
        Assert.Equal(Enum.GetValues<ApplicationStatus>().Order(), Expected.Keys.Order());
        Assert.Equal(Enum.GetValues<ApplicationAction>().Order(), Columns.Order());
        Assert.All(Expected.Values, row => Assert.Equal(Columns.Length, row.Length));
        Assert.Equal(Expected.Values.Sum(row => row.Count(cell => cell is not null)), ApplicationWorkflow.Table.Count);
    }

    [Fact]
    public void The_consortium_edits_only_a_draft_or_an_application_sent_back_for_corrections()
    {
        var editable = Enum.GetValues<ApplicationStatus>().Where(ApplicationWorkflow.IsEditableByConsortium);

        Assert.Equal([Draft, CorrectionsRequested], editable);
    }
}
