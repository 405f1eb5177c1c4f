using PtceFunding.Domain.Common;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Payments;

namespace PtceFunding.Domain.Tests.Payments;

public sealed class BankAccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly OrganisationId Organisation = OrganisationId.New();
    private static readonly Guid Clerk = Guid.NewGuid();
    private static readonly Guid SecondOfficer = Guid.NewGuid();

    private static BankAccount Entered(string iban = "FR7630006000011234567890189") =>
        BankAccount.Enter(BankAccountId.New(), Organisation, "Coopérative des Monts du Lyonnais", iban, "AGRIFRPP", Clerk, Now).Value;

    [Fact]
    public void New_details_wait_for_approval()
    {
        var account = Entered();

        Assert.Equal(BankAccountStatus.PendingApproval, account.Status);
        Assert.Equal(Clerk, account.EnteredBy);
        Assert.Equal("FR7630006000011234567890189", account.Iban.Value);
    }

    [Fact]
    public void Whoever_entered_the_details_cannot_approve_them()
    {
        var account = Entered();

        var approved = account.Approve(Clerk, Now);

        Assert.False(approved.IsSuccess);
        Assert.Equal("bank_details.second_approver_required", approved.Error.Code);
        Assert.Equal(ErrorKind.RuleBroken, approved.Error.Kind);
        Assert.Equal(BankAccountStatus.PendingApproval, account.Status);
    }

    [Fact]
    public void A_second_person_approves_them_once()
    {
        var account = Entered();

        Assert.True(account.Approve(SecondOfficer, Now).IsSuccess);
        var again = account.Approve(Guid.NewGuid(), Now);

        Assert.Equal(BankAccountStatus.Approved, account.Status);
        Assert.Equal(SecondOfficer, account.ApprovedBy);
        Assert.Equal("bank_details.not_pending", again.Error!.Code);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_a_second_person()
    {
        var account = Entered();

        Assert.Equal(ErrorKind.Validation, account.Reject(SecondOfficer, " ", Now).Error!.Kind);
        Assert.Equal("bank_details.second_approver_required", account.Reject(Clerk, "Erreur de saisie", Now).Error!.Code);
        Assert.True(account.Reject(SecondOfficer, "Le RIB joint ne correspond pas.", Now).IsSuccess);
        Assert.Equal(BankAccountStatus.Rejected, account.Status);
        Assert.Equal("Le RIB joint ne correspond pas.", account.RejectionReason);
        Assert.False(account.Approve(SecondOfficer, Now).IsSuccess);
    }

    [Fact]
    public void Approved_details_are_superseded_by_newer_ones_and_rejected_ones_are_not()
    {
        var previous = Entered();
        previous.Approve(SecondOfficer, Now);
        var next = Entered("DE89370400440532013000");
        var rejected = Entered();
        rejected.Reject(SecondOfficer, "Doublon", Now);

        Assert.True(previous.Supersede(next, Now).IsSuccess);
        Assert.Equal(BankAccountStatus.Superseded, previous.Status);
        Assert.Equal(next.Id, previous.SupersededBy);
        Assert.False(rejected.Supersede(next, Now).IsSuccess);
    }

    [Fact]
    public void Every_invalid_field_is_answered_at_once_under_the_iban_code()
    {
        var entered = BankAccount.Enter(BankAccountId.New(), Organisation, "", "FR7630006000011234567890188", "AGRI", Clerk, Now);

        Assert.False(entered.IsSuccess);
        Assert.Equal("bank_details.iban_invalid", entered.Error.Code);
        Assert.Equal(["Bic", "HolderName", "Iban"], entered.Error.FieldErrors.Keys.Order(StringComparer.Ordinal));
    }
}
