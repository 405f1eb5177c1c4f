using System.Globalization;
using System.Text.Json;
using PtceFunding.Application.Agreements;
using PtceFunding.Application.Jobs;
using PtceFunding.Application.Messaging;
using PtceFunding.Application.Notifications;
using PtceFunding.Application.Reminders;
using PtceFunding.Application.Users;

namespace PtceFunding.Infrastructure.Jobs;

/// <summary>
/// Every recurring job of the platform, declared here: its name, the command it sends through the mediator, its
/// default schedule. Each schedule can be set in configuration: <c>Jobs:Schedules:&lt;Name&gt;:Interval</c>
/// (e.g. <c>00:00:15</c>) and, for a daily job, <c>Jobs:Schedules:&lt;Name&gt;:At</c>, its time of day in
/// Europe/Paris (e.g. <c>00:05</c>).
/// </summary>
public static class RecurringJobs
{
    public const string DeliverNotifications = nameof(DeliverNotifications);
    public const string SweepReminders = nameof(SweepReminders);

    /// <summary>A job: what it runs (the command's figures as JSON, or its error) and when by default.</summary>
    public sealed record Definition(string Name, Func<Mediator.ISender, CancellationToken, Task<(bool Succeeded, string Outcome)>> Run, TimeSpan DefaultInterval, TimeOnly DefaultAt, string Description);

    public static IReadOnlyList<Definition> All { get; } =
    [
        Job(DeliverNotifications, () => new DeliverNotifications(), TimeSpan.FromSeconds(15), default, "Envoie les courriels en attente de la file des notifications."),
        Job("Heartbeat", () => new RecordHeartbeat(), TimeSpan.FromMinutes(1), default, "Signale que le planificateur fonctionne (une exécution par minute dans toute la grappe)."),
        Job("AgreementLifecycleSweep", () => new AgreementLifecycleSweep(), TimeSpan.FromDays(1), new TimeOnly(0, 5), "Met en exécution les conventions signées dont la date de début est venue et clôt celles dont la date de fin est passée."),
        Job(SweepReminders, () => new SweepReminders(), TimeSpan.FromHours(1), default, "Relance les porteurs, experts, chargés de mission et gestionnaires financiers dont une échéance approche ou est dépassée (une fois par étape)."),
        Job("PruneTokens", () => new PruneTokens(), TimeSpan.FromDays(1), new TimeOnly(4, 0), "Supprime les jetons d'accès et autorisations expirés ou révoqués depuis plus d'un jour."),
    ];

    public static Definition? Find(string name) => All.FirstOrDefault(job => string.Equals(job.Name, name, StringComparison.Ordinal));

    private static Definition Job<T>(string name, Func<ICommand<Result<T>>> command, TimeSpan interval, TimeOnly at, string description) =>
        new(name, async (sender, cancellationToken) =>
        {
            var result = await sender.Send(command(), cancellationToken).ConfigureAwait(false);
            return result.IsSuccess ? (true, JsonSerializer.Serialize(result.Value)) : (false, $"{result.Error.Code}: {result.Error.Message}");
        }, interval, at, description);
}

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Process background jobs in this process; a node with <c>false</c> only serves HTTP (and still queues work for the others).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many jobs this process runs at once.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How often a node looks for recurring and delayed jobs that came due (it bounds how late a job starts).</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// PostgreSQL: how long a scheduler lock held by a node that died blocks the others (Hangfire's locks are rows, not
    /// sessions); it must exceed the longest time a lock is rightly held (milliseconds here).
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>PostgreSQL: how long after a node died the job it was running is run again by another one.</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public Dictionary<string, JobSchedule> Schedules { get; } = new(StringComparer.Ordinal);

    public JobTiming TimingOf(RecurringJobs.Definition job)
    {
        ArgumentNullException.ThrowIfNull(job);
        Schedules.TryGetValue(job.Name, out var schedule);
        return new JobTiming(job.Name, schedule?.Interval ?? job.DefaultInterval, schedule?.At ?? job.DefaultAt);
    }
}

public sealed class JobSchedule
{
    public TimeSpan? Interval { get; set; }

    /// <summary>The time of day in Europe/Paris of a daily job (interval of one day).</summary>
    public TimeOnly? At { get; set; }
}

/// <summary>
/// When a recurring job runs, as a cron expression for Hangfire: every <see cref="Interval"/> on a grid that starts
/// each minute, hour or day (UTC), or, for an interval of one day, every day at <see cref="At"/> in Europe/Paris —
/// whatever the offset of the day (summer time). An interval that does not divide a minute, an hour or a day has no
/// such grid and is refused at start-up.
/// </summary>
public sealed record JobTiming(string Job, TimeSpan Interval, TimeOnly At)
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public bool IsDaily => Interval == TimeSpan.FromDays(1);

    public TimeZoneInfo TimeZone => IsDaily ? Paris : TimeZoneInfo.Utc;

    public string Cron
    {
        get
        {
            var seconds = (long)Interval.TotalSeconds;
            return this switch
            {
                { IsDaily: true } => Format($"{At.Minute} {At.Hour} * * *"),
                _ when Interval.Ticks % TimeSpan.TicksPerSecond == 0 && seconds is >= 1 and < 60 && 60 % seconds == 0 => seconds == 1 ? "* * * * * *" : Format($"*/{seconds} * * * * *"),
                _ when seconds % 60 == 0 && seconds / 60 is >= 1 and < 60 && 60 % (seconds / 60) == 0 => Format($"*/{seconds / 60} * * * *"),
                _ when seconds % 3600 == 0 && seconds / 3600 is >= 1 and < 24 && 24 % (seconds / 3600) == 0 => Format($"0 */{seconds / 3600} * * *"),
                _ => throw new InvalidOperationException(
                    $"Jobs:Schedules:{Job}:Interval = {Interval}: an interval must divide a minute (1 to 30 s), an hour (1 to 30 min) or a day (1 to 12 h), or be one day (then Jobs:Schedules:{Job}:At sets its time of day in Europe/Paris)."),
            };
        }
    }

    /// <summary>
    /// The due time of the run the scheduler started at <paramref name="startedAt"/> (UTC): the last time of the schedule at or
    /// before it. Hangfire starts one run for all the due times it finds passed, so two runs never share one.
    /// </summary>
    public DateTime DueTimeAtOrBefore(DateTime startedAt)
    {
        var utc = DateTime.SpecifyKind(startedAt, DateTimeKind.Utc);
        if (!IsDaily)
        {
            var sinceMidnight = utc - utc.Date;
            return utc.Date + TimeSpan.FromTicks(sinceMidnight.Ticks - (sinceMidnight.Ticks % Interval.Ticks));
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, Paris);
        var day = local.TimeOfDay >= At.ToTimeSpan() ? local.Date : local.Date.AddDays(-1);
        var due = day + At.ToTimeSpan();
        if (Paris.IsInvalidTime(due))
        {
            due = due.AddHours(1); // a time skipped when the clocks go forward runs at the first time that exists
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(due, DateTimeKind.Unspecified), Paris);
    }

    private static string Format(FormattableString cron) => cron.ToString(CultureInfo.InvariantCulture);
}
