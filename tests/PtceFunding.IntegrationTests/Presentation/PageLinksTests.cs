using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Abstractions;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Reviews;

namespace PtceFunding.IntegrationTests.Presentation;

/// <summary>The links messages carry (ILinks, implemented by the web project) lead to pages that exist, under the public address.</summary>
public sealed class PageLinksTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public void Every_page_a_message_links_to_exists_under_the_public_address()
    {
        var links = app.Services.GetRequiredService<ILinks>();
        string[] all =
        [
            links.Home(),
            links.SignIn(),
            links.ApplicationFile(FundingApplicationId.New()),
            links.Instruction(FundingApplicationId.New()),
            links.Expertise(new ReviewerAssignmentId(Guid.NewGuid())),
            links.Agreement(new AgreementId(Guid.NewGuid())),
            links.AgreementFinances(new AgreementId(Guid.NewGuid())),
            links.Report(new ReportId(Guid.NewGuid())),
            links.BankDetails(new OrganisationId(Guid.NewGuid())),
            links.OrganisationInvitation("jeton+/="),
            links.ConfirmEmail(Guid.NewGuid(), "jeton"),
            links.ResetPassword("marie.dupont+ptce@exemple.fr", "jeton"),
        ];
        // The routes the application serves (a page's route is its path; a missing page has none).
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText?.Trim('/') ?? "")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("Instruction/Dossiers", routes);

        foreach (var link in all)
        {
            Assert.StartsWith("https://ptce.test/", link, StringComparison.Ordinal);
            Assert.True(routes.Contains(new Uri(link).AbsolutePath.Trim('/')), $"No page answers {link}.");
        }
    }

    [Fact]
    public void Query_values_are_escaped_so_that_an_address_with_a_plus_sign_comes_back_intact()
    {
        var links = app.Services.GetRequiredService<ILinks>();

        var reset = new Uri(links.ResetPassword("marie.dupont+ptce@exemple.fr", "a/b+c="));

        Assert.Equal("?email=marie.dupont%2Bptce%40exemple.fr&token=a%2Fb%2Bc%3D", reset.Query);
    }
}
