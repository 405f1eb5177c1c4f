using System.Globalization;
using PtceFunding.Application.Reporting;
using PtceFunding.Domain.Reporting;
using PtceFunding.Web.Pages.Portail.Candidatures;

namespace PtceFunding.Web.Pages.Conventions;

/// <summary>
/// One report (compte rendu): the consortium fills its indicators (baseline and target shown), attaches the required
/// documents and submits it; once submitted it is read-only. The program officers of a funder party review it on the
/// same page: return it with comments and a new due date, approve or reject it. Every party reads the reviews.
/// </summary>
public sealed class CompteRenduModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ReportView View { get; private set; } = null!;

    /// <summary>The values as typed, by indicator code (kept when the form is refused).</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken) =>
        await Load(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostIndicators(int expectedVersion, CancellationToken cancellationToken)
    {
        var values = new List<IndicatorValue>();
        var errors = new List<string>();
        foreach (var (code, text) in Values)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (ApplicationText.TryParse(text, out var value))
            {
                values.Add(new IndicatorValue(code, value));
            }
            else
            {
                errors.Add($"La valeur de l'indicateur « {code} » n'est pas un nombre.");
            }
        }

        if (errors.Count > 0)
        {
            return await Refused(errors, cancellationToken);
        }

        var saved = await sender.Send(new SaveReportIndicators(Id, values, expectedVersion), cancellationToken);
        return await Done(saved.IsSuccess ? null : saved.Error, "Les valeurs des indicateurs sont enregistrées.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAttachment(string? type, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return await Refused(["Choisissez le fichier à joindre."], cancellationToken);
        }

        await using var content = file.OpenReadStream();
        var attached = await sender.Send(new UploadReportAttachment(Id, type ?? "", file.FileName, file.Length, content), cancellationToken);
        return await Done(attached.IsSuccess ? null : attached.Error, attached.IsSuccess ? $"La pièce « {attached.Value.FileName} » est jointe." : "", cancellationToken);
    }

    public async Task<IActionResult> OnPostSubmit(int expectedVersion, CancellationToken cancellationToken)
    {
        var submitted = await sender.Send(new SubmitReport(Id, expectedVersion), cancellationToken);
        return await Done(submitted.IsSuccess ? null : submitted.Error, "Le compte rendu est déposé : il sera examiné par le chargé de mission.", cancellationToken);
    }

    public async Task<IActionResult> OnPostReturn(string? comments, DateOnly? newDueOn, int expectedVersion, CancellationToken cancellationToken)
    {
        if (newDueOn is not { } dueOn)
        {
            return await Refused(["Indiquez la nouvelle échéance."], cancellationToken);
        }

        var returned = await sender.Send(new ReturnReport(Id, comments ?? "", dueOn, expectedVersion), cancellationToken);
        return await Done(returned.IsSuccess ? null : returned.Error, $"Le compte rendu est renvoyé au consortium, à déposer de nouveau au plus tard le {Formats.Date(dueOn)}.", cancellationToken);
    }

    public async Task<IActionResult> OnPostApprove(int expectedVersion, CancellationToken cancellationToken)
    {
        var approved = await sender.Send(new ApproveReport(Id, expectedVersion), cancellationToken);
        var notice = approved.IsSuccess && approved.Value.Released.Count > 0
            ? $"Le compte rendu est approuvé : le solde de {Formats.Money(approved.Value.Released.Sum(r => r.Amount))} est débloqué."
            : "Le compte rendu est approuvé.";
        return await Done(approved.IsSuccess ? null : approved.Error, notice, cancellationToken);
    }

    public async Task<IActionResult> OnPostReject(string? reason, int expectedVersion, CancellationToken cancellationToken)
    {
        var rejected = await sender.Send(new RejectReport(Id, reason ?? "", expectedVersion), cancellationToken);
        return await Done(rejected.IsSuccess ? null : rejected.Error, "Le compte rendu est rejeté.", cancellationToken);
    }

    public static string Number(decimal? value) => value?.ToString("#,##0.##", CultureInfo.GetCultureInfo("fr-FR")) ?? "—";

    private async Task<IActionResult> Done(Error? error, string notice, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            Notice = notice;
            return RedirectToPage(new { id = Id });
        }

        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        return await Refused(
            ApplicationText.IsStale(error) ? ["Le compte rendu a été modifié entre-temps : vérifiez-le puis recommencez."] : ApplicationText.Messages(error),
            cancellationToken);
    }

    private async Task<IActionResult> Refused(IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        var typed = Values;
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        foreach (var (code, text) in typed)
        {
            Values[code] = text;
        }

        Errors = errors;
        return Page();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetReport(Id), cancellationToken);
        if (!result.IsSuccess)
        {
            return false;
        }

        View = result.Value;
        Values = View.Indicators.ToDictionary(i => i.Code, i => (string?)Formats.Input(i.Value));
        return true;
    }
}
