using PtceFunding.Application.Auditing;
using PtceFunding.Application.Jobs;

namespace PtceFunding.Application.Abstractions;

/// <summary>The application's view of its database; handlers use it directly (no repository on top).</summary>
public interface IPtceDbContext
{
    DbSet<Funder> Funders { get; }

    /// <summary>The people who sign in, for queries (names, e-mails, funders); accounts themselves go through <see cref="IUserDirectory"/>.</summary>
    IQueryable<UserAccount> Users { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<Organisation> Organisations { get; }

    DbSet<OrganisationMembership> OrganisationMemberships { get; }

    DbSet<OrganisationInvitation> OrganisationInvitations { get; }
    DbSet<MembershipMandate> MembershipMandates { get; }

    DbSet<JobRun> JobRuns { get; }

    DbSet<PartnerClient> PartnerClients { get; }

    /// <summary>Recurring jobs suspended by an administrator (written with an explicit audit entry, see SchedulerAudit).</summary>
    DbSet<PausedJob> PausedJobs { get; }

    DbSet<Programme> Programmes { get; }

    DbSet<Call> Calls { get; }

    DbSet<CalendarFeed> CalendarFeeds { get; }

    DbSet<CommitteeSession> CommitteeSessions { get; }

    DbSet<FundingApplication> Applications { get; }

    DbSet<ApplicationContributor> ApplicationContributors { get; }

    DbSet<ApplicationDocument> ApplicationDocuments { get; }

    DbSet<CommitteeDecision> CommitteeDecisions { get; }

    DbSet<CommitteeConflict> CommitteeConflicts { get; }
    DbSet<ReviewerAssignment> ReviewerAssignments { get; }

    DbSet<Agreement> Agreements { get; }

    DbSet<Installment> Installments { get; }

    DbSet<RecoveryOrder> RecoveryOrders { get; }

    /// <summary>
    /// Locks the installment's row until the transaction ends (PostgreSQL; SQLite serialises writers anyway), so that
    /// concurrent payment requests on it run one after the other and each sees what the previous one recorded.
    /// </summary>
    Task LockInstallment(InstallmentId id, CancellationToken cancellationToken);

    DbSet<BankAccount> BankAccounts { get; }

    DbSet<Report> Reports { get; }

    /// <summary>Locks the recovery order's row until the transaction ends, like <see cref="LockInstallment"/>, for its settlements.</summary>
    Task LockRecoveryOrder(RecoveryOrderId id, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="expected"/> the version the save checks for <paramref name="aggregate"/> (its concurrency token).</summary>
    void ExpectVersion(AggregateRoot aggregate, int expected);

    /// <summary>
    /// The version <paramref name="aggregate"/> has once the unit of work saves it: one more than read when this
    /// command changed it, the same otherwise. The unit of work saves once, after the handler.
    /// </summary>
    int VersionOnceSaved(AggregateRoot aggregate);

    /// <summary>The domain events the tracked aggregates raised and nobody took yet, taken (the dispatcher's).</summary>
    IReadOnlyList<IDomainEvent> TakeDomainEvents();

    /// <summary>
    /// Not for handlers: the unit of work saves once, after the handler. Only the commands that commit step by step on
    /// purpose (<c>IManagesOwnTransactions</c>) call it, and the two bank-details commands, whose rows must be written
    /// in an order that a partial unique index needs (docs/adr/0023) and that EF cannot infer.
    /// </summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
