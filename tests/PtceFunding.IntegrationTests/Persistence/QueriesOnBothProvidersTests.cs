using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Auditing;
using PtceFunding.Application.Funders;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Territories;
using PtceFunding.Domain.Users;
using PtceFunding.Infrastructure;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.IntegrationTests.Persistence;

/// <summary>
/// The queries that matter run on SQLite (the embedded default) as well as PostgreSQL:
/// SQLite cannot translate some operations, so each is proven on both.
/// </summary>
public sealed class QueriesOnBothProvidersTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Postgres, DatabaseProvider.Sqlite };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Funders_are_filtered_by_kind_and_ordered_by_name(DatabaseProvider provider)
    {
        await using var stack = await Stack.Start(provider);
        await stack.Send(new CreateFunder(Guid.NewGuid(), "Région Bretagne", FunderKind.Region, "53"));
        await stack.Send(new CreateFunder(Guid.NewGuid(), "DREETS Occitanie", FunderKind.StateRegionalOffice, "76"));
        await stack.Send(new CreateFunder(Guid.NewGuid(), "Région Auvergne-Rhône-Alpes", FunderKind.Region, "84"));

        var regions = (await stack.Send(new ListFunders(FunderKind.Region))).Value;
        var all = (await stack.Send(new ListFunders())).Value;

        Assert.Equal(["Région Auvergne-Rhône-Alpes", "Région Bretagne"], regions.Select(f => f.Name));
        Assert.Equal(3, all.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_audit_trail_is_filtered_by_period_operation_and_entity_and_paginated(DatabaseProvider provider)
    {
        await using var stack = await Stack.Start(provider);
        var early = Guid.NewGuid();
        stack.Clock.Now = new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero);
        await stack.Send(new CreateFunder(early, "Région Normandie", FunderKind.Region, "28"));
        stack.Clock.Now = new DateTimeOffset(2027, 2, 10, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await stack.Send(new CreateFunder(Guid.NewGuid(), $"Financeur {i}", FunderKind.Region, "11"));
        }

        await stack.Send(new RenameFunder(early, "Région Normandie (renommée)", 0));

        var february = (await stack.Send(new GetAuditTrail(From: new DateTime(2027, 2, 1), To: new DateTime(2027, 3, 1), Operation: "CreateFunder", PageSize: 2, PageNumber: 2))).Value;
        var aboutNormandie = (await stack.Send(new GetAuditTrail(EntityType: "Funder", EntityId: early.ToString()))).Value;

        Assert.Equal(5, february.Total);
        Assert.Equal(2, february.Items.Count);
        Assert.True(february.Items[0].Id > february.Items[1].Id, "newest first");
        Assert.All(february.Items, line => Assert.Equal(new DateTime(2027, 2, 10, 9, 0, 0, DateTimeKind.Utc), line.OccurredAt));
        Assert.Equal(["Modified", "Added"], aboutNormandie.Items.Select(l => l.Change));
    }

    /// <summary>Application + infrastructure on one provider, with a platform administrator signed in.</summary>
    private sealed class Stack : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly string? _sqliteFile;

        private Stack(ServiceProvider services, string? sqliteFile)
        {
            _services = services;
            _sqliteFile = sqliteFile;
        }

        public TestClock Clock => (TestClock)_services.GetRequiredService<TimeProvider>();

        public static async Task<Stack> Start(DatabaseProvider provider)
        {
            string? file = null;
            var connectionString = provider == DatabaseProvider.Postgres
                ? await (await PostgresServer.Instance).CreateDatabase()
                : $"Data Source={file = Path.Combine(Path.GetTempPath(), $"ptce-query-{Guid.NewGuid():N}.db")}";
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                ["Database:ConnectionString"] = connectionString,
            }).Build();
            var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton<TimeProvider>(new TestClock(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)))
                .AddSingleton<ICurrentUser>(new PlatformAdministrator())
                .AddApplication()
                .AddInfrastructure(configuration)
                .BuildServiceProvider();
            if (provider == DatabaseProvider.Sqlite)
            {
                await using var scope = services.CreateAsyncScope();
                await Migrator.Migrate(scope.ServiceProvider.GetRequiredService<PtceDbContext>());
            }

            return new Stack(services, file);
        }

        public Task<TResponse> Send<TResponse>(ICommand<TResponse> command)
            where TResponse : Domain.Common.IResult, Domain.Common.IResultFactory<TResponse> =>
            Send<TResponse>((object)command);

        public Task<TResponse> Send<TResponse>(IQuery<TResponse> query)
            where TResponse : Domain.Common.IResult, Domain.Common.IResultFactory<TResponse> =>
            Send<TResponse>((object)query);

        private async Task<TResponse> Send<TResponse>(object request)
            where TResponse : Domain.Common.IResult, Domain.Common.IResultFactory<TResponse>
        {
            await using var scope = _services.CreateAsyncScope();
            var response = (TResponse)(await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(request))!;
            Assert.True(response.IsSuccess, response.Error?.Message);
            return response;
        }

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            if (_sqliteFile is not null)
            {
                SqliteConnection.ClearAllPools();
                File.Delete(_sqliteFile);
            }
        }
    }

    private sealed class PlatformAdministrator : ICurrentUser
    {
        public Guid? UserId { get; } = Guid.NewGuid();

        public string? UserName => "admin@test.ptce.fr";

        public bool IsAuthenticated => true;

        public bool IsSystem => false;

        public FunderId? FunderId => null;

        public Territory Territory => Territory.National;

        public string? CorrelationId => null;

        public bool IsInRole(string role) => role == Roles.Administrator;
    }
}
