namespace PtceFunding.Domain.Users;

/// <summary>
/// Who may do something on the platform: the one list of role sets, read both by the use cases'
/// declarations (<c>[Allow]</c>) and by the web policies.
/// </summary>
public enum Audience
{
    /// <summary>Everyone, signed in or not (public pages, links whose token is the credential).</summary>
    Anyone,

    /// <summary>Any signed-in person, whatever the role.</summary>
    SignedIn,

    /// <summary>The platform itself: background jobs and command-line tools, never a person.</summary>
    System,

    /// <summary>Administrators without a funder, who administer the whole platform.</summary>
    PlatformAdministrators,

    Applicants,
    ProgramOfficers,
    Reviewers,
    CommitteeMembers,
    FinanceOfficers,
    Administrators,

    /// <summary>Every staff role of a funder.</summary>
    Staff,

    /// <summary>Who may open applications at all; which ones is decided per application (consortium, territory).</summary>
    ApplicationReaders,

    /// <summary>Who instructs applications: program officers, and administrators who look over their work.</summary>
    Instructors,

    /// <summary>Who may read reviewers' opinions, confidential part included; which applications is decided per application.</summary>
    ReviewOpinionReaders,

    /// <summary>Who may open agreements at all; which ones is decided per agreement.</summary>
    AgreementReaders,

    /// <summary>Who signs agreements: each funder's officer and the lead member.</summary>
    AgreementSignatories,

    /// <summary>Who may read and enter an organisation's bank details at all: its users and finance staff.</summary>
    BankDetailsEditors,

    /// <summary>Who may read the finance views: finance staff and administrators.</summary>
    FinanceReaders,

    /// <summary>Who may read indicator totals across agreements: officers, finance staff, administrators.</summary>
    IndicatorReaders,
}

/// <summary>The roles each <see cref="Audience"/> admits.</summary>
public static class Audiences
{
    /// <summary>
    /// The roles admitted; empty for the audiences that are not role sets (<see cref="Audience.Anyone"/>,
    /// <see cref="Audience.SignedIn"/>, <see cref="Audience.System"/>).
    /// </summary>
    public static IReadOnlyList<string> RolesOf(Audience audience) => Sets[(int)audience];

    /// <summary>Built once: the authorization step reads it on every request.</summary>
    private static readonly string[][] Sets = [.. Enum.GetValues<Audience>().Order().Select(Compute)];

    private static string[] Compute(Audience audience) => audience switch
    {
        Audience.Anyone or Audience.SignedIn or Audience.System => [],
        Audience.PlatformAdministrators or Audience.Administrators => [Roles.Administrator],
        Audience.Applicants => [Roles.Applicant],
        Audience.ProgramOfficers => [Roles.ProgramOfficer],
        Audience.Reviewers => [Roles.Reviewer],
        Audience.CommitteeMembers => [Roles.CommitteeMember],
        Audience.FinanceOfficers => [Roles.FinanceOfficer],
        Audience.Staff => [Roles.ProgramOfficer, Roles.Reviewer, Roles.CommitteeMember, Roles.FinanceOfficer, Roles.Administrator],
        Audience.ApplicationReaders => [Roles.Applicant, Roles.ProgramOfficer, Roles.Administrator],
        Audience.Instructors => [Roles.ProgramOfficer, Roles.Administrator],
        Audience.ReviewOpinionReaders => [Roles.ProgramOfficer, Roles.CommitteeMember],
        Audience.AgreementReaders => [Roles.ProgramOfficer, Roles.Applicant, Roles.FinanceOfficer, Roles.Administrator],
        Audience.AgreementSignatories => [Roles.ProgramOfficer, Roles.Applicant],
        Audience.BankDetailsEditors => [Roles.Applicant, Roles.FinanceOfficer],
        Audience.FinanceReaders => [Roles.FinanceOfficer, Roles.Administrator],
        Audience.IndicatorReaders => [Roles.ProgramOfficer, Roles.FinanceOfficer, Roles.Administrator],
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown audience."),
    };
}
