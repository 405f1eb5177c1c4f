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
            .AddPolicy(PlatformAdministrator, p => p
                .RequireRole(Audiences.RolesOf(Audience.PlatformAdministrators))
                .RequireAssertion(c => !c.User.HasClaim(claim => claim.Type == PtceClaims.FunderId)))
            .AddAudience(Staff, Audience.Staff)
            .AddAudience(Administrator, Audience.Administrators)
            .AddAudience(ProgramOfficer, Audience.ProgramOfficers)
            .AddAudience(Reviewer, Audience.Reviewers)
            .AddAudience(CommitteeMember, Audience.CommitteeMembers)
            .AddAudience(FinanceOfficer, Audience.FinanceOfficers)
            .AddAudience(Applicant, Audience.Applicants)
            .AddAudience(ApplicationReaders, Audience.ApplicationReaders)
            .AddAudience(Instructors, Audience.Instructors)
            .AddAudience(ReviewOpinionReaders, Audience.ReviewOpinionReaders)
            .AddAudience(AgreementReaders, Audience.AgreementReaders)
            .AddAudience(BankDetailsEditors, Audience.BankDetailsEditors)
            .AddAudience(FinanceReaders, Audience.FinanceReaders)
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>A policy admitting the roles of an audience, the same set the use cases declare (Domain/Users/Audience.cs).</summary>
    private static AuthorizationBuilder AddAudience(this AuthorizationBuilder builder, string policy, Audience audience) =>
        builder.AddPolicy(policy, p => p.RequireRole(Audiences.RolesOf(audience)));
}
