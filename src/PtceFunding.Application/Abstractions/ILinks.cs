namespace PtceFunding.Application.Abstractions;

/// <summary>
/// The absolute addresses of the platform's pages that messages and calendars lead to. The web project knows its
/// routes and the public address; use cases ask for a page by what it shows.
/// </summary>
public interface ILinks
{
    /// <summary>The home page.</summary>
    string Home();

    string SignIn();

    /// <summary>The consortium's own view of its application (draft, corrections, decision).</summary>
    string ApplicationFile(FundingApplicationId id);

    /// <summary>The program officer's view of an application under instruction.</summary>
    string Instruction(FundingApplicationId id);

    /// <summary>A reviewer's assignment: declaration and opinion.</summary>
    string Expertise(ReviewerAssignmentId id);

    /// <summary>The agreement as its consortium and officers follow it.</summary>
    string Agreement(AgreementId id);

    /// <summary>The agreement's installments and payments, for finance staff.</summary>
    string AgreementFinances(AgreementId id);

    string Report(ReportId id);

    string BankDetails(OrganisationId id);

    string OrganisationInvitation(string token);

    string ConfirmEmail(Guid userId, string token);

    string ResetPassword(string email, string token);

    /// <summary>A personal calendar feed (iCalendar) by its secret token.</summary>
    string Calendar(string token);
}
