using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application;
using PtceFunding.Application.Messaging;

namespace PtceFunding.IntegrationTests.Architecture;

/// <summary>Dependencies point inward, and every use case is wired with a handler and an authorizer.</summary>
public sealed class ArchitectureTests(PtceApp app) : IClassFixture<PtceApp>
{
    private static readonly Assembly Domain = typeof(Domain.Funders.Funder).Assembly;
    private static readonly Assembly ApplicationLayer = typeof(DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(PtceFunding.Infrastructure.DependencyInjection).Assembly;

    [Fact]
    public void The_domain_depends_on_nothing_but_the_base_library()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(name is "System.Runtime" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal), $"the domain references {name}"));
    }

    [Fact]
    public void The_application_does_not_depend_on_infrastructure_or_web()
    {
        var references = ApplicationLayer.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("PtceFunding.Infrastructure", references);
        Assert.DoesNotContain("PtceFunding.Web", references);
        Assert.DoesNotContain(references, name => name!.StartsWith("Npgsql", StringComparison.Ordinal) || name.Contains("Sqlite", StringComparison.Ordinal));
    }

    [Fact]
    public void The_infrastructure_does_not_depend_on_web()
    {
        Assert.DoesNotContain("PtceFunding.Web", Infrastructure.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void Every_request_has_exactly_one_handler_and_at_least_one_authorizer()
    {
        var requests = DependencyInjection.RequestTypes().ToList();
        using var scope = app.Services.CreateScope();

        Assert.NotEmpty(requests);
        foreach (var request in requests)
        {
            var response = request.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];
            var handlers = scope.ServiceProvider.GetServices(typeof(IRequestHandler<,>).MakeGenericType(request, response));
            var authorizers = scope.ServiceProvider.GetServices(typeof(IAuthorizer<>).MakeGenericType(request));

            Assert.True(handlers.Count() == 1, $"{request.Name} needs exactly one handler");
            Assert.True(authorizers.Any(), $"{request.Name} needs an authorizer: declare who may send it");
        }
    }
}
