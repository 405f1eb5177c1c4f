using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application;
using PtceFunding.Application.Messaging;

namespace PtceFunding.IntegrationTests.Architecture;

/// <summary>Dependencies point inward, and every use case is wired with one handler and declares who may send it.</summary>
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
    public void Every_request_has_exactly_one_handler_resolvable_in_the_application()
    {
        var requests = DependencyInjection.RequestTypes().ToList();
        using var scope = app.Services.CreateScope();

        Assert.True(requests.Count > 100, $"only {requests.Count} request types found");
        foreach (var request in requests)
        {
            var contract = request.GetInterfaces().Single(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommand<>) || i.GetGenericTypeDefinition() == typeof(IQuery<>)));
            var handlerContract = (contract.GetGenericTypeDefinition() == typeof(ICommand<>) ? typeof(ICommandHandler<,>) : typeof(IQueryHandler<,>))
                .MakeGenericType(request, contract.GetGenericArguments()[0]);
            var handlers = ApplicationLayer.GetTypes().Where(t => !t.IsAbstract && handlerContract.IsAssignableFrom(t)).ToList();

            Assert.True(handlers.Count == 1, $"{request.Name} needs exactly one handler, has {handlers.Count}");
            Assert.NotNull(scope.ServiceProvider.GetService(handlers[0]));
        }
    }

    [Fact]
    public void Every_domain_event_has_a_subscriber_resolvable_in_the_application()
    {
        using var scope = app.Services.CreateScope();
        var subscribed = scope.ServiceProvider.GetServices<IDomainEventSubscriber>().Select(s => s.Handles).ToHashSet();
        var events = Domain.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(Domain.Common.IDomainEvent))).ToList();

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(subscribed.Contains(e), $"nobody reacts to {e.Name}: raise it only where someone listens"));
    }

    [Fact]
    public void Every_request_declares_who_may_send_it()
    {
        var undeclared = DependencyInjection.RequestTypes().Where(t => t.GetCustomAttribute<AllowAttribute>() is null).Select(t => t.Name).ToList();

        Assert.True(undeclared.Count == 0, "declare [Allow(...)] on: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Every_command_that_carries_a_version_declares_it_versioned_and_may_not_omit_it()
    {
        var requests = DependencyInjection.RequestTypes().ToList();
        var carrying = requests.Where(t => t.GetProperty(nameof(IVersioned.ExpectedVersion)) is not null).ToList();

        Assert.True(carrying.Count >= 30, $"only {carrying.Count} versioned commands found");
        foreach (var command in carrying)
        {
            Assert.True(typeof(IVersioned).IsAssignableFrom(command), $"{command.Name} carries a version but is not IVersioned");
            Assert.Equal(typeof(int?), command.GetProperty(nameof(IVersioned.ExpectedVersion))!.PropertyType);
        }
    }

    [Fact]
    public void Handlers_leave_saving_to_the_unit_of_work()
    {
        // The commands that commit step by step (IManagesOwnTransactions) and the two whose writes must be ordered
        // for a partial unique index (docs/adr/0023) are the only ones allowed to save themselves.
        string[] allowed = ["DeliverNotifications.cs", "ApproveBankDetails.cs", "SubmitBankDetails.cs", "IPtceDbContext.cs"];
        var root = Path.Combine(SmtpSink.RepositoryRoot(), "src", "PtceFunding.Application");

        var saving = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("SaveChangesAsync", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Where(name => !allowed.Contains(name))
            .ToList();

        Assert.True(saving.Count == 0, "these handlers save themselves: " + string.Join(", ", saving));
    }

    [Fact]
    public void The_application_does_not_reference_asp_net_core()
    {
        var aspNet = ApplicationLayer.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)).ToList();

        Assert.True(aspNet.Count == 0, "the application references " + string.Join(", ", aspNet));
    }

    [Fact]
    public void Page_models_and_endpoints_do_not_use_the_database_context()
    {
        var result = NetArchTest.Rules.Types.InAssembly(typeof(Web.Security.Policies).Assembly)
            .That().ResideInNamespace("PtceFunding.Web.Pages").Or().ResideInNamespace("PtceFunding.Web.Api")
            .ShouldNot().HaveDependencyOnAny("PtceFunding.Application.Abstractions.IPtceDbContext", "PtceFunding.Infrastructure.Persistence.PtceDbContext", "Microsoft.EntityFrameworkCore.DbContext")
            .GetResult();

        Assert.True(result.IsSuccessful, "these use the database directly: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_feature_folders_of_the_application_do_not_depend_on_each_other_in_a_cycle()
    {
        var features = ApplicationLayer.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith("PtceFunding.Application.", StringComparison.Ordinal) && n.Count(c => c == '.') == 2)
            .Where(n => n is not ("PtceFunding.Application.Abstractions" or "PtceFunding.Application.Messaging" or "PtceFunding.Application.Pipeline"))
            .Distinct()
            .ToList();
        bool DependsOn(string from, string to) => !NetArchTest.Rules.Types.InAssembly(ApplicationLayer)
            .That().ResideInNamespace(from)
            .ShouldNot().HaveDependencyOn(to)
            .GetResult().IsSuccessful;

        var cycles = (from a in features
                      from b in features
                      where string.CompareOrdinal(a, b) < 0 && DependsOn(a, b) && DependsOn(b, a)
                      select $"{a[24..]} <-> {b[24..]}").ToList();

        Assert.True(cycles.Count == 0, "feature cycles: " + string.Join("; ", cycles));
    }
}
