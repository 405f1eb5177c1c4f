using Microsoft.AspNetCore.Authorization;
using PtceFunding.Application.Users;
using PtceFunding.Domain.Users;

namespace PtceFunding.Web.Security;

/// <summary>
/// Every endpoint and page names one of these policies (or is on the reviewed public allow-list,
/// see <c>AuthorizationCoverageTests</c>). Resource-level checks happen again in the mediator.
/// </summary>
public static class Policies
{
    public const string Authenticated = nameof(Authenticated);
    public const string Staff = nameof(Staff);
    public const string Administrator = nameof(Administrator);
    public const string PlatformAdministrator = nameof(PlatformAdministrator);
    public const string ProgramOfficer = nameof(ProgramOfficer);
    public const string Reviewer = nameof(Reviewer);
    public const string CommitteeMember = nameof(CommitteeMember);
    public const string FinanceOfficer = nameof(FinanceOfficer);
    public const string Applicant = nameof(Applicant);

    /// <summary>Who may open applications at all; which ones is decided per application (consortium, territory).</summary>
    public const string ApplicationReaders = nameof(ApplicationReaders);

    /// <summary>Who instructs applications: program officers, and administrators who look over their work.</summary>
    public const string Instructors = nameof(Instructors);
    /// <summary>Who may read reviewers' opinions, confidential part included; which applications is decided per application.</summary>
    public const string ReviewOpinionReaders = nameof(ReviewOpinionReaders);

    /// <summary>Who may open agreements at all: program officers, finance staff, administrators and the consortia; which ones is decided per agreement.</summary>
    public const string AgreementReaders = nameof(AgreementReaders);

    /// <summary>Who may read and enter an organisation's bank details at all: its users and finance staff; which organisations is decided per organisation.</summary>
    public const string BankDetailsEditors = nameof(BankDetailsEditors);
    /// <summary>Who may read the finance views: finance staff and administrators; which funders is decided by the queries (own funder unless national).</summary>
    public const string FinanceReaders = nameof(FinanceReaders);

    public static AuthorizationBuilder AddPtcePolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(Staff, p => p.RequireRole(Roles.ProgramOfficer, Roles.Reviewer, Roles.CommitteeMember, Roles.FinanceOfficer, Roles.Administrator))
            .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(PlatformAdministrator, p => p
                .RequireRole(Roles.Administrator)
                .RequireAssertion(c => !c.User.HasClaim(claim => claim.Type == PtceClaims.FunderId)))
            .AddPolicy(ProgramOfficer, p => p.RequireRole(Roles.ProgramOfficer))
            .AddPolicy(Reviewer, p => p.RequireRole(Roles.Reviewer))
            .AddPolicy(CommitteeMember, p => p.RequireRole(Roles.CommitteeMember))
            .AddPolicy(FinanceOfficer, p => p.RequireRole(Roles.FinanceOfficer))
            .AddPolicy(Applicant, p => p.RequireRole(Roles.Applicant))
            .AddPolicy(ApplicationReaders, p => p.RequireRole(Roles.Applicant, Roles.ProgramOfficer, Roles.Administrator))
            .AddPolicy(Instructors, p => p.RequireRole(Roles.ProgramOfficer, Roles.Administrator))
            .AddPolicy(ReviewOpinionReaders, p => p.RequireRole(Roles.ProgramOfficer, Roles.CommitteeMember))
            .AddPolicy(AgreementReaders, p => p.RequireRole(Roles.ProgramOfficer, Roles.Applicant, Roles.FinanceOfficer, Roles.Administrator))
            .AddPolicy(BankDetailsEditors, p => p.RequireRole(Roles.Applicant, Roles.FinanceOfficer))
            .AddPolicy(FinanceReaders, p => p.RequireRole(Roles.FinanceOfficer, Roles.Administrator))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
