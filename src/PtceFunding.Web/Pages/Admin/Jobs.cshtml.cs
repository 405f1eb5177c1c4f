using System.Globalization;
using System.Text.Json;
using PtceFunding.Application.Jobs;
using PtceFunding.Application.Notifications;
using PtceFunding.Application.Reminders;

namespace PtceFunding.Web.Pages.Admin;

/// <summary>The platform's background work: the recurring jobs (pause, resume, run now) and the notification outbox.</summary>
public sealed class JobsModel(Mediator.ISender sender) : PageModel
{
    public IReadOnlyList<JobOverview> Jobs { get; private set; } = [];

    public OutboxOverview? Outbox { get; private set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>What the last action did, shown once after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? NoticeError { get; set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var jobs = await sender.Send(new GetJobs(), cancellationToken);
        var outbox = await sender.Send(new GetOutbox(), cancellationToken);
        if (jobs.IsSuccess)
        {
            Jobs = jobs.Value;
        }

        if (outbox.IsSuccess)
        {
            Outbox = outbox.Value;
        }

        ErrorMessage = (jobs.Error ?? outbox.Error)?.Message;
    }

    public Task<IActionResult> OnPostPause(string name, CancellationToken cancellationToken) =>
        Act(new PauseJob(name), $"La tâche « {name} » est suspendue : elle ne s'exécutera plus avant d'être reprise.", cancellationToken);

    public Task<IActionResult> OnPostResume(string name, CancellationToken cancellationToken) =>
        Act(new ResumeJob(name), $"La tâche « {name} » a repris selon sa planification.", cancellationToken);

    public Task<IActionResult> OnPostTrigger(string name, CancellationToken cancellationToken) =>
        Act(new TriggerJob(name), $"L'exécution de la tâche « {name} » est demandée : elle démarre dans quelques secondes.", cancellationToken);

    public Task<IActionResult> OnPostRetry(Guid id, CancellationToken cancellationToken) =>
        Act(new RetryNotification(id), "La notification sera renvoyée au prochain passage de la tâche d'envoi.", cancellationToken);

    /// <summary>"toutes les 15 s", "toutes les minutes", "toutes les 2 h", "tous les jours à 00:05".</summary>
    public static string Every(TimeSpan interval, TimeOnly? dailyAt) => (interval, dailyAt) switch
    {
        (_, { } at) => $"tous les jours à {at.ToString("HH:mm", CultureInfo.InvariantCulture)}",
        _ => Every(interval),
    };

    private static string Every(TimeSpan interval) => interval switch
    {
        { TotalSeconds: 1 } => "toutes les secondes",
        { TotalSeconds: < 60 } => $"toutes les {interval.TotalSeconds.ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"))} s",
        { TotalMinutes: 1 } => "toutes les minutes",
        { TotalHours: 1 } => "toutes les heures",
        { TotalMinutes: < 60 } => $"toutes les {interval.TotalMinutes.ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"))} min",
        _ => $"toutes les {interval.TotalHours.ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"))} h",
    };

    /// <summary>The last figures of the reminders sweep, in words; null for other jobs or before a successful run.</summary>
    public static string? ReminderFigures(JobOverview job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Name != nameof(SweepReminders) || job.LastRun is not { Succeeded: true, Outcome: { } outcome })
        {
            return null;
        }

        try
        {
            var figures = JsonSerializer.Deserialize<ReminderSweepFigures>(outcome);
            return figures is null ? null : string.Create(CultureInfo.GetCultureInfo("fr-FR"),
                $"{figures.Scanned} obligation(s) en cours examinée(s) (comptes rendus {figures.Reports}, brouillons {figures.Drafts}, avis d'expert {figures.Reviews}, corrections {figures.Corrections}, paiements {figures.Payments}) ; {figures.Written} relance(s) écrite(s).");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<IActionResult> Act(Application.Messaging.ICommand<Result> command, string success, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command, cancellationToken);
        if (result.IsSuccess)
        {
            Notice = success;
        }
        else
        {
            NoticeError = result.Error.Message;
        }

        return RedirectToPage();
    }
}
