using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Reminders;

/// <summary>One kind of obligation whose reminders the sweep collects; answers how many obligations are still pending.</summary>
internal interface IReminderSource
{
    Task<int> Collect(ReminderSweep sweep, CancellationToken cancellationToken);
}

/// <summary>
/// One run of the sweep: today in Paris, each call's reminder policy, the reminders collected so far (one per
/// key) and the lookups the sources share (verified users of an organisation, accounts, staff of a role).
/// </summary>
internal sealed class ReminderSweep(IPtceDbContext db, IUserDirectory users, ILinks links, Dictionary<CallId, CallPolicy> calls, DateTimeOffset now)
{
    private readonly List<DueReminder> _due = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public Dictionary<CallId, CallPolicy> Calls { get; } = calls;

    public DateTimeOffset Now { get; } = now;

    public DateOnly Today { get; } = now.Today();

    /// <summary>The latest deadline any call's earliest step reaches today.</summary>
    public DateOnly Horizon { get; } = now.Today().AddDays(calls.Count == 0 ? 0 : Math.Max(0, -calls.Values.Min(c => c.Policy.Earliest)));

    public IReadOnlyList<DueReminder> Due => _due;

    public ILinks Links { get; } = links;

    /// <summary>A draft is only reminded up to its cut-off: afterwards it would join the next session.</summary>
    public static bool BeforeDeadline(int offset) => offset <= 0;

    /// <summary>A payment is "due but not ordered" only from its date.</summary>
    public static bool OnOrAfterDeadline(int offset) => offset >= 0;

    public void Add(ReminderKind kind, Guid subjectId, Recipient recipient, DateOnly deadline, int offset, Func<Notice> notice)
    {
        var key = Key(kind, subjectId, recipient.Id, ReminderPolicy.StepLabel(deadline, offset));
        if (_keys.Add(key))
        {
            _due.Add(new DueReminder(key, recipient, notice));
        }
    }

    /// <summary>The outbox's deduplication key of a reminder: one per obligation, recipient and step.</summary>
    public static string Key(ReminderKind kind, Guid subjectId, Guid recipientId, string step) =>
        $"reminder:{kind.ToString().ToLowerInvariant()}:{subjectId}:{recipientId}:{step}";

    public async Task<Dictionary<OrganisationId, List<Recipient>>> VerifiedUsers(HashSet<OrganisationId> organisations, CancellationToken cancellationToken)
    {
        if (organisations.Count == 0)
        {
            return [];
        }

        var ids = organisations.ToList();
        var rows = await (
                from membership in db.OrganisationMemberships.AsNoTracking()
                join account in db.Users.AsNoTracking() on membership.UserId equals account.Id
                where ids.Contains(membership.OrganisationId) && membership.Status == MembershipStatus.Verified && account.Email != null
                select new { membership.OrganisationId, account.Id, account.Email, account.DisplayName })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.OrganisationId)
            .ToDictionary(g => g.Key, g => g.Select(r => new Recipient(r.Id, r.Email!, r.DisplayName, null)).ToList());
    }

    public async Task<Dictionary<OrganisationId, string>> OrganisationNames(HashSet<OrganisationId> organisations, CancellationToken cancellationToken)
    {
        var ids = organisations.ToList();
        return ids.Count == 0
            ? []
            : await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Dictionary<Guid, Recipient>> Accounts(HashSet<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.ToList();
        return ids.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null)
                .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.FunderId))
                .ToDictionaryAsync(u => u.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Staff of a role (few: read once, filtered by funder here).</summary>
    public async Task<List<Recipient>> Staff(string role) =>
        [.. (await users.InRole(role).ConfigureAwait(false))
            .Where(u => !string.IsNullOrEmpty(u.Email) && u.FunderId is not null)
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.FunderId))];
}

internal sealed record CallPolicy(CallId Id, string Title, CallStatus Status, string TimeZoneId, ReminderPolicy Policy);

internal sealed record Recipient(Guid Id, string Email, string Name, Domain.Funders.FunderId? FunderId);

/// <summary>A reminder to write: its notice is built only if it is not in the outbox yet.</summary>
internal sealed record DueReminder(string Key, Recipient Recipient, Func<Notice> Notice);

/// <summary>Writes the collected reminders to the outbox, a batch at a time, each batch its own transaction.</summary>
internal sealed class ReminderWriter(IPtceDbContext db, INotificationBulkWriter outbox)
{
    private const int BatchSize = 5000;

    /// <summary>
    /// Writes what is not in the outbox yet, a batch at a time: one query for the keys already there, one bulk insert.
    /// Another sweep writing the same keys meanwhile makes the batch fail on the unique key: it is read again and retried.
    /// </summary>
    public async Task<int> Write(IReadOnlyList<DueReminder> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var batch in due.Chunk(BatchSize))
        {
            for (var attempt = 1; ; attempt++)
            {
                var keys = batch.Select(d => d.Key).ToList();
                var existing = (await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.DeduplicationKey)).Select(n => n.DeduplicationKey)
                    .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
                var fresh = batch.Where(d => !existing.Contains(d.Key)).ToList();
                if (fresh.Count == 0)
                {
                    break;
                }

                var rows = fresh.Select(reminder =>
                {
                    var notice = reminder.Notice() with { Name = reminder.Recipient.Name };
                    return Notification.Create(
                        reminder.Recipient.Id, reminder.Recipient.Email, notice.Template, notice.Render(),
                        NotificationChannels.EmailAndInApp, reminder.Key, now);
                }).ToList();

                try
                {
                    await outbox.Insert(rows, cancellationToken).ConfigureAwait(false);
                    written += rows.Count;
                    break;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // Keys written concurrently by another sweep: read them again and write the rest.
                }
            }
        }

        return written;
    }
}
