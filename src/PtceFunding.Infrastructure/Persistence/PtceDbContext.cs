using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PtceFunding.Application.Auditing;
using PtceFunding.Application.Jobs;
using PtceFunding.Infrastructure.Identity;
using PtceFunding.Infrastructure.Security;

namespace PtceFunding.Infrastructure.Persistence;

/// <summary>
/// The one DbContext: Identity, the domain, and the audit trail. Every save increments the
/// version of changed aggregates and appends audit entries in the same transaction.
/// </summary>
public sealed class PtceDbContext(DbContextOptions<PtceDbContext> options, TimeProvider clock, ICurrentUser user, OperationContext operation, ISecretBox? secrets = null)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IPtceDbContext
{
    // Notifications and job runs are not audited: each row is its own record of what happened
    // (status, attempts, times, errors), and auditing them would double every delivery (docs/adr/0014).

    /// <summary>Properties never copied into the audit trail.</summary>
    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal)
    {
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp), "Value", "ClientSecret",
        nameof(OrganisationInvitation.TokenHash),
    };

    /// <summary>Whether a save wrote e-mails to the outbox since the unit of work last asked (it queues their delivery once committed).</summary>
    internal bool WroteEmails { get; set; }

    public DbSet<Funder> Funders => Set<Funder>();

    /// <summary>Identity's accounts as the use cases read them (a projection, composed into their queries).</summary>
    IQueryable<UserAccount> IPtceDbContext.Users => Users.Select(u => new UserAccount
    {
        Id = u.Id,
        Email = u.Email,
        NormalizedEmail = u.NormalizedEmail,
        DisplayName = u.DisplayName,
        FunderId = u.FunderId,
        EmailConfirmed = u.EmailConfirmed,
    });

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<PausedJob> PausedJobs => Set<PausedJob>();

    public DbSet<PartnerClient> PartnerClients => Set<PartnerClient>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<OrganisationMembership> OrganisationMemberships => Set<OrganisationMembership>();

    public DbSet<OrganisationInvitation> OrganisationInvitations => Set<OrganisationInvitation>();
    public DbSet<MembershipMandate> MembershipMandates => Set<MembershipMandate>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<CommitteeSession> CommitteeSessions => Set<CommitteeSession>();

    public DbSet<FundingApplication> Applications => Set<FundingApplication>();

    public DbSet<ApplicationContributor> ApplicationContributors => Set<ApplicationContributor>();

    public DbSet<ApplicationDocument> ApplicationDocuments => Set<ApplicationDocument>();

    public DbSet<CommitteeDecision> CommitteeDecisions => Set<CommitteeDecision>();

    public DbSet<CommitteeConflict> CommitteeConflicts => Set<CommitteeConflict>();
    public DbSet<ReviewerAssignment> ReviewerAssignments => Set<ReviewerAssignment>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<Installment> Installments => Set<Installment>();

    public DbSet<RecoveryOrder> RecoveryOrders => Set<RecoveryOrder>();

    public Task LockInstallment(InstallmentId id, CancellationToken cancellationToken) =>
        Database.IsNpgsql()
            ? Database.ExecuteSqlAsync($"SELECT 1 FROM \"Installments\" WHERE \"Id\" = {id.Value} FOR UPDATE", cancellationToken)
            : Task.CompletedTask;

    public DbSet<BankAccount> BankAccounts => Set<BankAccount>();

    public DbSet<Report> Reports => Set<Report>();

    public Task LockRecoveryOrder(RecoveryOrderId id, CancellationToken cancellationToken) =>
        Database.IsNpgsql()
            ? Database.ExecuteSqlAsync($"SELECT 1 FROM \"RecoveryOrders\" WHERE \"Id\" = {id.Value} FOR UPDATE", cancellationToken)
            : Task.CompletedTask;

    internal DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    internal DbSet<UserSession> UserSessions => Set<UserSession>();

    public void ExpectVersion(AggregateRoot aggregate, int expected) =>
        Entry(aggregate).Property(a => a.Version).OriginalValue = expected;

    public IReadOnlyList<IDomainEvent> TakeDomainEvents() =>
        [.. ChangeTracker.Entries<AggregateRoot>().SelectMany(entry => entry.Entity.TakeEvents())];

    public int VersionOnceSaved(AggregateRoot aggregate)
    {
        ChangeTracker.DetectChanges();
        TouchCallsOfChangedRules();
        SealSensitiveNotifications();
        WroteEmails |= ChangeTracker.Entries<Notification>().Any(e => e is { State: EntityState.Added, Entity.Status: DeliveryStatus.Pending });
        var entry = Entry(aggregate);
        if (entry.State == EntityState.Modified)
        {
            BumpOnce(entry);
        }

        return aggregate.Version;
    }

    /// <summary>One increment per unit of work, whether asked for by the handler (VersionOnceSaved) or done by the save.</summary>
    private static void BumpOnce(EntityEntry entry)
    {
        var version = entry.Property(nameof(AggregateRoot.Version));
        if (Equals(version.CurrentValue, version.OriginalValue))
        {
            ((AggregateRoot)entry.Entity).IncrementVersion();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        TouchCallsOfChangedRules();
        SealSensitiveNotifications();
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not (AuditEntry or DataProtectionKey or Notification or JobRun or PausedJob or UserSession
                or OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken<Guid> or OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization<Guid>))
            .ToList();
        if (changed.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }

        RefuseTooLongText(changed);
        foreach (var entry in changed.Where(e => e is { State: EntityState.Modified, Entity: AggregateRoot }))
        {
            BumpOnce(entry);
        }

        ChangeTracker.DetectChanges();

        // Snapshot before saving (states are reset afterwards), keys after (they may be generated).
        var snapshots = changed.Select(e => (Entry: e, Change: e.State.ToString(), Changes: DescribeChanges(e))).ToList();

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow().UtcDateTime;
            AuditEntries.AddRange(snapshots.Select(s => new AuditEntry
            {
                OccurredAt = now,
                ActorId = user.UserId,
                ActorName = user.UserName ?? (user.CorrelationId is null ? "système" : "anonyme"),
                ActorFunderId = user.FunderId?.Value,
                Operation = operation.Name ?? "Direct",
                EntityType = s.Entry.Metadata.DisplayName(),
                EntityId = KeyOf(s.Entry),
                Change = s.Change,
                Changes = s.Changes,
                CorrelationId = user.CorrelationId,
            }));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>A text longer than its column is refused here, with its field, rather than by the database (docs/adr/0031).</summary>
    private static void RefuseTooLongText(IEnumerable<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> changed)
    {
        foreach (var entry in changed.Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && property.Metadata.GetMaxLength() is { } max && text.Length > max)
                {
                    throw new ValueTooLongException(property.Metadata.Name, max);
                }
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: saving is asynchronous throughout.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PtceDbContext).Assembly);

        // The OAuth 2 server's clients, authorizations, scopes and tokens (docs/adr/0033).
        builder.UseOpenIddict<Guid>();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<FunderId>().HaveConversion<FunderIdConverter>();
        configurationBuilder.Properties<PartnerClientId>().HaveConversion<PartnerClientIdConverter>();
        configurationBuilder.Properties<OrganisationId>().HaveConversion<OrganisationIdConverter>();
        configurationBuilder.Properties<ProgrammeId>().HaveConversion<ProgrammeIdConverter>();
        configurationBuilder.Properties<CallId>().HaveConversion<CallIdConverter>();
        configurationBuilder.Properties<CommitteeSessionId>().HaveConversion<CommitteeSessionIdConverter>();
        configurationBuilder.Properties<FundingApplicationId>().HaveConversion<ApplicationIdConverter>();
        configurationBuilder.Properties<CommitteeDecisionId>().HaveConversion<CommitteeDecisionIdConverter>();
        configurationBuilder.Properties<ReviewerAssignmentId>().HaveConversion<ReviewerAssignmentIdConverter>();
        configurationBuilder.Properties<AgreementId>().HaveConversion<AgreementIdConverter>();
        configurationBuilder.Properties<InstallmentId>().HaveConversion<InstallmentIdConverter>();
        configurationBuilder.Properties<RecoveryOrderId>().HaveConversion<RecoveryOrderIdConverter>();
        configurationBuilder.Properties<BankAccountId>().HaveConversion<BankAccountIdConverter>();
        configurationBuilder.Properties<ReportId>().HaveConversion<ReportIdConverter>();
    }

    /// <summary>
    /// A draft's rules are edited in place, in their version row: the call changes version with them,
    /// so that an edit based on an outdated read of the rules is refused like any other.
    /// </summary>
    private void TouchCallsOfChangedRules()
    {
        foreach (var rules in ChangeTracker.Entries<CallRuleVersion>().Where(e => e.State == EntityState.Modified).ToList())
        {
            var call = ChangeTracker.Entries<Call>().FirstOrDefault(c => c.Entity.Id == rules.Entity.CallId);
            if (call is { State: EntityState.Unchanged })
            {
                call.State = EntityState.Modified;
            }
        }
    }

    /// <summary>A message whose link is a credential is stored sealed (Notification.Sensitive); only the delivery opens it.</summary>
    private void SealSensitiveNotifications()
    {
        foreach (var added in ChangeTracker.Entries<Notification>().Where(e => e is { State: EntityState.Added, Entity.Sensitive: true }))
        {
            var box = secrets ?? throw new InvalidOperationException("A sensitive notification cannot be stored without the secret box.");
            added.Entity.Seal(box.Seal);
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static string DescribeChanges(EntityEntry entry)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (SecretProperties.Contains(name))
            {
                if (entry.State != EntityState.Modified || property.IsModified)
                {
                    changes[name] = "***";
                }

                continue;
            }

            var draft = IsDraftContent(entry, property);
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = new { after = Audited(property.CurrentValue, draft) };
                    break;
                case EntityState.Deleted:
                    changes[name] = new { before = Audited(property.OriginalValue, draft) };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = new { before = Audited(property.OriginalValue, draft), after = Audited(property.CurrentValue, draft) };
                    break;
            }
        }

        return JsonSerializer.Serialize(changes, AuditJson);
    }

    /// <summary>
    /// What the audit keeps of a value (ASVS V8.3): an IBAN only masked (country, key, last four characters: finance
    /// staff read the full one on the bank details, not in the trail); the text of an application still a draft only its
    /// length (a draft is the consortium's own until it is submitted).
    /// </summary>
    private static object? Audited(object? value, bool draftContent) => value switch
    {
        Iban iban => iban.Masked,
        null => null,
        _ when draftContent => $"(brouillon : {JsonSerializer.Serialize(value, AuditJson).Length} caractères)",
        _ => value,
    };

    private static bool IsDraftContent(EntityEntry entry, Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry property)
    {
        if (entry.Entity is not FundingApplication { Status: ApplicationStatus.Draft } || property.Metadata.IsKey() || property.Metadata.IsForeignKey())
        {
            return false;
        }

        var type = Nullable.GetUnderlyingType(property.Metadata.ClrType) ?? property.Metadata.ClrType;
        return !(type.IsEnum || type.IsPrimitive || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(Guid));
    }

    private static readonly JsonSerializerOptions AuditJson = new() { WriteIndented = false };
}
