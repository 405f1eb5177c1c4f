namespace PtceFunding.Domain.Users;

/// <summary>The roles people hold on the platform.</summary>
public static class Roles
{
    /// <summary>A consortium member's user (porteur).</summary>
    public const string Applicant = nameof(Applicant);

    /// <summary>A chargé de mission of the State or a Region.</summary>
    public const string ProgramOfficer = nameof(ProgramOfficer);

    /// <summary>An expert who scores applications.</summary>
    public const string Reviewer = nameof(Reviewer);

    /// <summary>A member of a selection committee.</summary>
    public const string CommitteeMember = nameof(CommitteeMember);

    /// <summary>Finance staff: legal commitments and payments.</summary>
    public const string FinanceOfficer = nameof(FinanceOfficer);

    /// <summary>Configures programmes, calls and users — for one funder, or platform-wide without a funder.</summary>
    public const string Administrator = nameof(Administrator);

    public static IReadOnlyList<string> All { get; } =
        [Applicant, ProgramOfficer, Reviewer, CommitteeMember, FinanceOfficer, Administrator];

    /// <summary>Staff roles act for a funder; only an administrator may be platform-wide (no funder).</summary>
    public static bool RequiresFunder(string role) => role is ProgramOfficer or Reviewer or CommitteeMember or FinanceOfficer;

    public static bool IsStaff(string role) => role is not Applicant && All.Contains(role);

    /// <summary>French label shown in the interface.</summary>
    public static string Label(string role) => role switch
    {
        Applicant => "Porteur de projet",
        ProgramOfficer => "Chargé de mission",
        Reviewer => "Expert",
        CommitteeMember => "Membre du comité",
        FinanceOfficer => "Gestionnaire financier",
        Administrator => "Administrateur",
        _ => role,
    };
}
