using static PtceFunding.IntegrationTests.Security.Caller;

namespace PtceFunding.IntegrationTests.Security;

/// <summary>
/// Who may call each operation on the seeded resources of <see cref="MatrixWorld"/>: the one table of the matrix. The
/// resources belong to a consortium of region 84 funded by the State's regional office (« the funder ») and the Region.
/// Rules the table follows:
/// <list type="bullet">
/// <item>a file is the consortium's lead member's (partners join it as invited contributors) and, once submitted, the
/// funder's officers', administrators' and the platform administrator's; reviewers see it through their assignment,
/// committee members through the agenda; finance staff never;</item>
/// <item>an agreement, its reports and payments are the lead member's and the funder's staff's;</item>
/// <item>membership requests and bank details are territorial: every officer (requests) or finance officer (bank details)
/// of the organisation's region verifies them, whichever funder they serve;</item>
/// <item>a recused reviewer or committee member sees nothing of the file beyond its place on the agenda.</item>
/// </list>
/// </summary>
internal static class AuthorizationMatrix
{
    /// <summary>
    /// The callers let in; <paramref name="Admitted"/>, for a list or a total: those the policy lets in, the others than the
    /// entitled getting the answer without the resource; <paramref name="Query"/>: what a page is opened with;
    /// <paramref name="Body"/>: a well-formed JSON body where the generated one would not pass validation ($name: the
    /// seeded resource, $stale: a version nobody read, $lead: the lead member's e-mail address).
    /// </summary>
    public sealed record Expectation(IReadOnlySet<Caller> Entitled, IReadOnlySet<Caller>? Admitted = null, string Query = "", string? Body = null);

    private static readonly Caller[] Everyone = Enum.GetValues<Caller>();
    /// <summary>People signed in; partner systems are not people (no page, no account of their own to manage).</summary>
    private static readonly Caller[] SignedIn = [.. Everyone.Except([Anonymous, PartnerClient, OtherRegionPartnerClient])];
    private static readonly Caller[] Applicants = [LeadMember, PartnerMember, OtherConsortium];
    private static readonly Caller[] Staff = [.. SignedIn.Except(Applicants)];
    private static readonly Caller[] Officers = [Officer, OtherFunderOfficer, OtherRegionOfficer];
    private static readonly Caller[] FinanceStaff = [FinanceOfficer, OtherFunderFinance, OtherRegionFinance];
    private static readonly Caller[] Reviewers = [Reviewer, OtherFunderReviewer, OtherRegionReviewer, RecusedReviewer];
    private static readonly Caller[] CommitteeMembers = [CommitteeMember, OtherFunderCommitteeMember, OtherRegionCommitteeMember, RecusedCommitteeMember];
    private static readonly Caller[] Administrators = [FunderAdministrator, PlatformAdministrator, OtherFunderAdministrator, OtherRegionAdministrator];

    /// <summary>Partner systems (client credentials): they reach only the operations open to their scopes, for their funder.</summary>
    private static readonly Caller[] Partners = [PartnerClient, OtherRegionPartnerClient];

    /// <summary>Those who administer the funder's calls and staff.</summary>
    private static readonly Caller[] FunderAdministrators = [FunderAdministrator, PlatformAdministrator];

    /// <summary>Those who read the submitted file.</summary>
    private static readonly Caller[] FileReaders = [LeadMember, Officer, FunderAdministrator, PlatformAdministrator];

    /// <summary>Those who read the agreement, its reports and its payments.</summary>
    private static readonly Caller[] AgreementParties = [LeadMember, Officer, FinanceOfficer, FunderAdministrator, PlatformAdministrator];

    /// <summary>Those whose own notices name the file: the lead member, the officer who holds it, the reviewers asked for an opinion.</summary>
    private static readonly Caller[] Notified = [LeadMember, Officer, Reviewer, RecusedReviewer];

    /// <summary>Officers and finance officers of the organisation's region, whichever funder they serve.</summary>
    private static readonly Caller[] RegionOfficers = [Officer, OtherFunderOfficer];
    private static readonly Caller[] RegionFinance = [FinanceOfficer, OtherFunderFinance];

    public static readonly IReadOnlyDictionary<string, Expectation> Table = new Dictionary<string, Expectation>
    {
        // Public: probes, the API description, the open calls, the published open data, the calendar by its secret address.
        ["GET /health/live"] = Only(Everyone),
        ["GET /health/ready"] = Only(Everyone),
        ["GET /openapi/{documentName}.json"] = Only(Everyone),
        ["GET /api-reference/{documentName?}"] = Only(Everyone),
        ["GET /api-reference/scalar.js"] = Only(Everyone),
        ["GET /api-reference/scalar.aspnetcore.js"] = Only(Everyone),
        ["GET /api-reference/favicon.svg"] = Only(Everyone),
        ["GET /api/open-calls"] = Only(Everyone),
        ["GET /open-data/subventions.csv"] = Only(Everyone),
        ["GET /open-data/360giving.json"] = Only(Everyone),
        ["GET /calendar/{token}.ics"] = Only(Everyone),
        ["POST /connect/token"] = Only(Everyone), // without a grant: 400 invalid_request for everyone (the grants are tested in OAuthServerTests)
        ["GET /connect/authorize"] = Only(Everyone), // without a client: 400 for everyone (the flow is tested in OAuthServerTests)
        ["POST /connect/authorize"] = Only(Everyone),
        ["POST /api/auth/password-reset-requests"] = Only(Everyone),
        ["POST /api/auth/password-resets"] = Only(Everyone),
        ["POST /api/account/register"] = Only(Everyone),
        ["POST /api/account/email-confirmation-requests"] = Only(Everyone),

        // Oneself.
        ["GET /api/me"] = Only(SignedIn),
        ["GET /api/me/antiforgery-token"] = Only(SignedIn),
        ["POST /api/me/password"] = Only(SignedIn),
        ["POST /api/me/email-confirmation"] = Only(SignedIn),
        ["GET /api/me/calendar/"] = Only(SignedIn),
        ["POST /api/me/calendar/"] = Only(SignedIn),
        ["DELETE /api/me/calendar/"] = Only(SignedIn),
        ["GET /api/notifications/"] = Lists(Notified, SignedIn),
        ["POST /api/notifications/{id:guid}/read"] = Only(LeadMember),
        ["GET /api/funders/"] = Only(SignedIn),

        // Organisations and their members.
        ["GET /api/me/organisations"] = Lists([LeadMember], Applicants),
        ["POST /api/organisations/"] = Only(SignedIn),
        ["GET /api/organisations/by-identifier/{identifier}"] = Only(SignedIn), // the SIRENE register is public
        ["POST /api/organisations/{id:guid}/membership-requests"] = Only(Applicants), // one with a verified user answers « ask for an invitation »
        ["POST /api/organisations/{id:guid}/invitations"] = Only(LeadMember) with { Body = """{"email":"nouveau.membre@matrice.test"}""" },
        ["GET /api/organisations/{id:guid}/members"] = Only(LeadMember),
        ["POST /api/organisation-invitations/accept"] = Only(), // the token is the credential: an unknown one is 404 for every applicant
        ["GET /api/membership-requests/"] = Lists(RegionOfficers, Officers),
        ["POST /api/membership-requests/{id:guid}/decision"] = Only(RegionOfficers),
        ["POST /api/membership-requests/{id:guid}/mandate/"] = Only(), // the requester's own (not one of the callers)
        ["GET /api/membership-requests/{id:guid}/mandate/"] = Only(RegionOfficers),

        // The file.
        ["POST /api/applications/"] = Only(Applicants),
        ["GET /api/applications/"] = Lists(FileReaders, [.. Applicants, .. Officers, .. Administrators]),
        ["GET /api/applications/{id:guid}"] = Only([.. FileReaders, PartnerClient]),
        ["PUT /api/applications/{id:guid}/project"] = Only(LeadMember),
        ["PUT /api/applications/{id:guid}/consortium"] = Only(LeadMember) with { Body = """{"expectedVersion":$stale,"members":[{"organisationId":"$organisations","role":"Founding","isLead":true,"budgetShare":100}]}""" },
        ["PUT /api/applications/{id:guid}/financing"] = Only(LeadMember),
        ["PUT /api/applications/{id:guid}/indicators"] = Only(LeadMember),
        ["POST /api/applications/{id:guid}/contributors"] = Only(LeadMember) with { Body = """{"email":"contributeur@matrice.test"}""" },
        ["POST /api/applications/{id:guid}/submit"] = Only(LeadMember),
        ["POST /api/applications/{id:guid}/withdraw"] = Only(LeadMember),
        ["POST /api/applications/{id:guid}/resubmit"] = Only(LeadMember),
        ["GET /api/applications/{id:guid}/documents/"] = Only(FileReaders),
        ["POST /api/applications/{id:guid}/documents/"] = Only(LeadMember),
        ["GET /api/applications/{id:guid}/documents/{documentId:guid}"] = Only(FileReaders),
        ["DELETE /api/applications/{id:guid}/documents/{documentId:guid}"] = Only(LeadMember),

        // Instruction.
        ["GET /api/reviews/inbox"] = Lists([Officer, FunderAdministrator, PlatformAdministrator, PartnerClient], [.. Officers, .. Administrators, .. Partners]),
        ["GET /api/reviews/inbox/filters"] = Lists([Officer, FunderAdministrator, PlatformAdministrator], [.. Officers, .. Administrators]),
        ["GET /api/reviews/applications/{id:guid}/"] = Only(Officer),
        ["POST /api/reviews/applications/{id:guid}/assignment"] = Only(Officer),
        ["POST /api/reviews/applications/{id:guid}/corrections"] = Only(Officer),
        ["POST /api/reviews/applications/{id:guid}/completeness"] = Only(Officer),
        ["POST /api/reviews/applications/{id:guid}/eligibility"] = Only(Officer),
        ["POST /api/reviews/applications/{id:guid}/proposal"] = Only(Officer),
        ["POST /api/reviews/applications/{id:guid}/reviewers"] = Only(Officer),
        ["GET /api/reviews/applications/{id:guid}/opinions"] = Only(Officer, CommitteeMember),

        // Expertise.
        ["GET /api/expertise/"] = Lists([Reviewer, RecusedReviewer], Reviewers),
        ["GET /api/expertise/{assignmentId:guid}"] = Only(Reviewer),
        ["POST /api/expertise/{assignmentId:guid}/declaration"] = Only(Reviewer),
        ["POST /api/expertise/{assignmentId:guid}/opinion"] = Only(Reviewer),

        // Calls, programmes, sessions.
        ["GET /api/programmes/"] = Only(Administrators),
        ["POST /api/programmes/"] = Only(Administrators),
        ["GET /api/calls/"] = Lists(FunderAdministrators, Administrators),
        ["POST /api/calls/"] = Only(PlatformAdministrator),
        ["GET /api/calls/unscheduled-applications"] = Lists(FunderAdministrators, Administrators),
        ["GET /api/calls/{id:guid}"] = Only(FunderAdministrators),
        ["GET /api/calls/{id:guid}/indicators"] = Only([.. Officers, .. FinanceStaff, .. Administrators]), // a published call is public
        ["PUT /api/calls/{id:guid}/details"] = Only(FunderAdministrators),
        ["PUT /api/calls/{id:guid}/rules"] = Only(FunderAdministrators),
        ["PUT /api/calls/{id:guid}/follow-up"] = Only(FunderAdministrators),
        ["POST /api/calls/{id:guid}/publish"] = Only(FunderAdministrators),
        ["POST /api/calls/{id:guid}/close"] = Only(FunderAdministrators),
        ["POST /api/calls/{id:guid}/archive"] = Only(FunderAdministrators),
        ["POST /api/calls/{id:guid}/sessions"] = Only(FunderAdministrators),
        ["GET /api/committee/sessions/"] = Lists([CommitteeMember, RecusedCommitteeMember], CommitteeMembers),
        ["GET /api/committee/sessions/{id:guid}/agenda"] = Only(CommitteeMember, RecusedCommitteeMember), // the recused member sees the file's place, not its content
        ["PUT /api/committee/sessions/{id:guid}/conflicts"] = Only(CommitteeMember, RecusedCommitteeMember),
        ["POST /api/committee/sessions/{id:guid}/decisions"] = Only(CommitteeMember),
        ["POST /api/committee/sessions/{id:guid}/open"] = Only(Officer, FunderAdministrator, PlatformAdministrator),
        ["POST /api/committee/sessions/{id:guid}/close"] = Only(Officer, FunderAdministrator, PlatformAdministrator),

        // Agreements and reports.
        ["POST /api/agreements/"] = Only(Officer),
        ["GET /api/agreements/"] = Lists([.. AgreementParties, PartnerClient], [.. Applicants, .. Officers, .. FinanceStaff, .. Administrators, .. Partners]),
        ["GET /api/agreements/{id:guid}"] = Only([.. AgreementParties, PartnerClient]),
        ["GET /api/agreements/{id:guid}/reports"] = Only(AgreementParties),
        ["GET /api/agreements/{id:guid}/indicators"] = Only(AgreementParties),
        ["POST /api/agreements/{id:guid}/signatures"] = Only(LeadMember, Officer),
        ["POST /api/agreements/{id:guid}/amendments"] = Only(Officer) with { Body = """{"kind":"ExtendDuration","effectiveOn":"2027-03-01","reason":"Prolongation (matrice)","durationYears":3,"expectedVersion":$stale}""" },
        ["POST /api/agreements/{id:guid}/termination"] = Only(Officer),
        ["PUT /api/agreements/{id:guid}/legal-commitment"] = Only(FinanceOfficer, PartnerClient),
        ["GET /api/reports/{id:guid}/"] = Only(AgreementParties),
        ["PUT /api/reports/{id:guid}/indicators"] = Only(LeadMember),
        ["POST /api/reports/{id:guid}/attachments"] = Only(LeadMember),
        ["GET /api/reports/{id:guid}/attachments/{attachmentId:guid}"] = Only(AgreementParties),
        ["POST /api/reports/{id:guid}/submit"] = Only(LeadMember),
        ["POST /api/reports/{id:guid}/return"] = Only(Officer),
        ["POST /api/reports/{id:guid}/approve"] = Only(Officer),
        ["POST /api/reports/{id:guid}/reject"] = Only(Officer),

        // Money.
        ["POST /api/installments/{id:guid}/order"] = Only(FinanceOfficer),
        ["POST /api/installments/{id:guid}/payments"] = Only(FinanceOfficer, PartnerClient),
        ["POST /api/recovery-orders/{id:guid}/issue"] = Only(FinanceOfficer),
        ["POST /api/recovery-orders/{id:guid}/settlements"] = Only(FinanceOfficer),
        ["GET /api/organisations/{id:guid}/bank-details/"] = Only([LeadMember, .. RegionFinance]),
        ["POST /api/organisations/{id:guid}/bank-details/"] = Only([LeadMember, .. RegionFinance]) with { Body = """{"holderName":"SCIC Lyon Comité","iban":"FR1420041010050500013M02606","bic":"PSSTFRPPLIL"}""" },
        ["GET /api/bank-details/pending"] = Lists(RegionFinance, FinanceStaff),
        ["POST /api/bank-details/{id:guid}/approval"] = Only(RegionFinance),
        ["POST /api/bank-details/{id:guid}/rejection"] = Only(RegionFinance),
        ["GET /api/finance/by-funder-year"] = Lists([FinanceOfficer, FunderAdministrator, PlatformAdministrator, PartnerClient], [.. FinanceStaff, .. Administrators, .. Partners]),
        ["GET /api/finance/by-funder-year.csv"] = Lists([FinanceOfficer, FunderAdministrator, PlatformAdministrator, PartnerClient], [.. FinanceStaff, .. Administrators, .. Partners]),
        ["GET /api/finance/by-call"] = Lists([FinanceOfficer, FunderAdministrator, PlatformAdministrator, PartnerClient], [.. FinanceStaff, .. Administrators, .. Partners]),
        ["GET /api/finance/by-call.csv"] = Lists([FinanceOfficer, FunderAdministrator, PlatformAdministrator, PartnerClient], [.. FinanceStaff, .. Administrators, .. Partners]),
        ["GET /api/finance/by-region"] = Lists([FinanceOfficer, FunderAdministrator, PlatformAdministrator, PartnerClient], [.. FinanceStaff, .. Administrators, .. Partners]),
        ["GET /api/finance/by-region.csv"] = Lists([FinanceOfficer, FunderAdministrator, PlatformAdministrator, PartnerClient], [.. FinanceStaff, .. Administrators, .. Partners]),
        ["GET /api/finance/agreements"] = Lists([FinanceOfficer, FunderAdministrator, PlatformAdministrator, PartnerClient], [.. FinanceStaff, .. Administrators, .. Partners]),
        ["GET /api/finance/agreements.csv"] = Lists([FinanceOfficer, FunderAdministrator, PlatformAdministrator, PartnerClient], [.. FinanceStaff, .. Administrators, .. Partners]),
        ["GET /api/finance/forecast"] = Lists([FinanceOfficer, FunderAdministrator, PlatformAdministrator, PartnerClient], [.. FinanceStaff, .. Administrators, .. Partners]),
        ["GET /api/finance/forecast.csv"] = Lists([FinanceOfficer, FunderAdministrator, PlatformAdministrator, PartnerClient], [.. FinanceStaff, .. Administrators, .. Partners]),
        ["GET /api/open-data/subventions.csv"] = Only(Administrators),
        ["GET /api/open-data/360giving.json"] = Only(Administrators),

        // Administration.
        ["POST /api/funders/"] = Only(PlatformAdministrator),
        ["PUT /api/funders/{id:guid}/name"] = Only(PlatformAdministrator),
        ["PUT /api/funders/{id:guid}/siret"] = Only(PlatformAdministrator),
        ["POST /api/admin/users"] = Only(FunderAdministrators) with { Body = """{"email":"nouvel.agent@matrice.test","displayName":"Nouvel agent","role":"ProgramOfficer","funderId":"$funders"}""" },
        ["PUT /api/admin/users/{id:guid}/role"] = Only(FunderAdministrators) with { Body = """{"role":"FinanceOfficer"}""" },
        ["POST /api/admin/users/{id:guid}/deactivation"] = Only(FunderAdministrators),
        ["DELETE /api/admin/users/{id:guid}/deactivation"] = Only(FunderAdministrators),
        ["DELETE /api/admin/users/{id:guid}/second-factor"] = Only(FunderAdministrators),
        ["GET /api/admin/audit"] = Lists(FunderAdministrators, Administrators),
        ["GET /api/admin/outbox/"] = Only(PlatformAdministrator),
        ["POST /api/admin/outbox/{id:guid}/retry"] = Only(PlatformAdministrator),
        ["GET /api/admin/jobs/"] = Only(PlatformAdministrator),
        ["GET /api/admin/partner-clients/"] = Only(PlatformAdministrator),
        ["POST /api/admin/partner-clients/"] = Only(PlatformAdministrator),
        ["POST /api/admin/partner-clients/{id:guid}/secret"] = Only(PlatformAdministrator),
        ["POST /api/admin/partner-clients/{id:guid}/revoke"] = Only(PlatformAdministrator),
        ["POST /api/admin/jobs/{name}/pause"] = Only(PlatformAdministrator),
        ["POST /api/admin/jobs/{name}/resume"] = Only(PlatformAdministrator),
        ["POST /api/admin/jobs/{name}/trigger"] = Only(PlatformAdministrator),

        // Pages.
        ["PAGE /Index"] = Only(Everyone),
        ["PAGE /Error"] = Only(Everyone),
        ["PAGE /Appels"] = Only(Everyone),
        ["PAGE /DonneesOuvertes"] = Only(Everyone),
        ["PAGE /Account/Login"] = Only(Everyone),
        ["PAGE /Account/AccessDenied"] = Only(Everyone),
        ["PAGE /Account/ForgotPassword"] = Only(Everyone),
        ["PAGE /Account/Register"] = Only(Everyone),
        ["PAGE /Account/ResetPassword"] = Only(Everyone),
        ["PAGE /Account/ConfirmEmail"] = Only(Everyone),
        ["PAGE /Account/ChangePassword"] = Only(SignedIn),
        ["PAGE /Account/Mfa"] = Only(SignedIn),
        ["PAGE /Account/TwoFactor"] = Only(), // reached only between the right password and the code: everyone else is sent to the sign-in page
        ["PAGE /Account/Logout"] = Only(SignedIn),
        ["PAGE /Calendrier"] = Only(SignedIn),
        ["PAGE /Notifications"] = Lists(Notified, SignedIn),
        ["PAGE /Portail/Candidatures/Index"] = Lists([LeadMember], Applicants),
        ["PAGE /Portail/Candidatures/Nouvelle"] = Only(Applicants) with { Query = "?callId={calls}" },
        ["PAGE /Portail/Candidatures/Dossier"] = Only(LeadMember) with { Query = "?id={applications}" },
        ["PAGE /Organisations/Index"] = Only(Applicants),
        ["PAGE /Organisations/Invitation"] = Only(Applicants),
        ["PAGE /Organisations/CoordonneesBancaires"] = Only(LeadMember) with { Query = "?id={organisations}" },
        ["PAGE /Instruction/Index"] = Lists([Officer], Officers),
        ["PAGE /Instruction/Dossier"] = Only(Officer) with { Query = "?id={applications}" },
        ["PAGE /Instruction/Rattachements"] = Lists(RegionOfficers, Officers),
        ["PAGE /Expertise/Index"] = Lists([Reviewer, RecusedReviewer], Reviewers),
        ["PAGE /Expertise/Dossier"] = Only(Reviewer) with { Query = "?id={expertise}" },
        ["PAGE /Comite/Index"] = Lists([CommitteeMember, RecusedCommitteeMember], CommitteeMembers),
        ["PAGE /Comite/Session"] = Only(CommitteeMember, RecusedCommitteeMember) with { Query = "?id={sessions}" },
        ["PAGE /Conventions/Index"] = Lists([LeadMember, Officer, FinanceOfficer, FunderAdministrator, PlatformAdministrator], [.. Applicants, .. Officers, .. FinanceStaff, .. Administrators]),
        ["PAGE /Conventions/Convention"] = Only(AgreementParties) with { Query = "?id={agreements}" },
        ["PAGE /Conventions/Document"] = Only(AgreementParties) with { Query = "?id={agreements}" },
        ["PAGE /Conventions/CompteRendu"] = Only(AgreementParties) with { Query = "?id={reports}" },
        ["PAGE /Conventions/Avenant"] = Only(Officer) with { Query = "?id={agreements}" },
        ["PAGE /Conventions/Resiliation"] = Only(Officer) with { Query = "?id={agreements}" },
        ["PAGE /Finances/Index"] = Lists([FinanceOfficer, FunderAdministrator, PlatformAdministrator], [.. FinanceStaff, .. Administrators]),
        ["PAGE /Finances/Echeances"] = Lists([FinanceOfficer], FinanceStaff),
        ["PAGE /Finances/CoordonneesBancaires"] = Lists(RegionFinance, FinanceStaff),
        ["PAGE /Finances/Convention"] = Only(FinanceOfficer) with { Query = "?id={agreements}" },
        ["PAGE /Admin/Audit"] = Lists(FunderAdministrators, Administrators),
        ["PAGE /Admin/Programmes"] = Only(Administrators),
        ["PAGE /Admin/Calls/Index"] = Lists(FunderAdministrators, Administrators),
        ["PAGE /Admin/Calls/Edit"] = Only(FunderAdministrators) with { Query = "?id={calls}" },
        ["PAGE /Admin/Calls/FollowUp"] = Only(FunderAdministrators) with { Query = "?id={calls}" },
        ["PAGE /Admin/Calls/Sessions"] = Only(FunderAdministrators) with { Query = "?id={calls}" },
        ["PAGE /Admin/Jobs"] = Only(PlatformAdministrator),
        ["GET /Admin/Hangfire/{**path}"] = Only(PlatformAdministrator),
        ["PAGE /Admin/Clients"] = Only(PlatformAdministrator),
    };

    /// <summary>These callers are let in; every other is refused.</summary>
    private static Expectation Only(params Caller[] entitled) => new(entitled.ToHashSet());

    /// <summary>These callers see the resource; the others of <paramref name="admitted"/> get the list or total without it; the rest are refused.</summary>
    private static Expectation Lists(Caller[] entitled, Caller[] admitted) => new(entitled.ToHashSet(), admitted.ToHashSet());
}
