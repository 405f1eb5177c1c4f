using Microsoft.Extensions.Options;
using PtceFunding.Application.Abstractions;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Reviews;

namespace PtceFunding.Web.Hosting;

/// <summary>The <c>PublicSite</c> configuration section: the address people reach the platform at, for links in e-mails and calendars.</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "PublicSite";

    public Uri BaseUrl { get; set; } = new("http://localhost:5000/");
}

/// <summary>
/// The pages that messages and calendars lead to, as absolute addresses under <see cref="PublicSiteOptions.BaseUrl"/>.
/// The one place that knows these routes outside the pages themselves; a test opens every one of them.
/// </summary>
public sealed class PageLinks(IOptions<PublicSiteOptions> site) : ILinks
{
    public string Home() => To("");

    public string SignIn() => To("Account/Login");

    public string ApplicationFile(FundingApplicationId id) => To($"Portail/Candidatures/Dossier?id={id}");

    public string Instruction(FundingApplicationId id) => To($"Instruction/Dossier?id={id}");

    public string Expertise(ReviewerAssignmentId id) => To($"Expertise/Dossier?id={id}");

    public string Agreement(AgreementId id) => To($"Conventions/Convention?id={id}");

    public string AgreementFinances(AgreementId id) => To($"Finances/Convention?id={id}");

    public string Report(ReportId id) => To($"Conventions/CompteRendu?id={id}");

    public string BankDetails(OrganisationId id) => To($"Organisations/CoordonneesBancaires?id={id}");

    public string OrganisationInvitation(string token) => To($"Organisations/Invitation?token={Uri.EscapeDataString(token)}");

    public string ConfirmEmail(Guid userId, string token) => To($"Account/ConfirmEmail?userId={userId}&token={Uri.EscapeDataString(token)}");

    public string ResetPassword(string email, string token) => To($"Account/ResetPassword?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}");

    public string Calendar(string token) => To($"calendar/{Uri.EscapeDataString(token)}.ics");

    // AbsoluteUri keeps the percent-encoding of query values (ToString would decode some of them).
    private string To(string pathAndQuery) => new Uri(site.Value.BaseUrl, pathAndQuery).AbsoluteUri;
}

public static class PublicSiteRegistration
{
    /// <summary>The public address and the page links built on it (the benchmarks use it without the web host).</summary>
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddOptions<PublicSiteOptions>().BindConfiguration(PublicSiteOptions.Section);
        services.AddSingleton<ILinks, PageLinks>();
        return services;
    }
}
