using PtceFunding.Application.Reviews;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Reviews;

namespace PtceFunding.Web.Pages.Expertise;

/// <summary>
/// The expert's workspace on one application: first the declaration of interests; once no conflict
/// is declared, the file and the grid (a score and a comment per criterion), the opinion and its
/// confidential part; once submitted, the opinion as given.
/// </summary>
public sealed class DossierModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The assignment as listed (no content): what the declaration form shows.</summary>
    public MyReviewLine? Line { get; private set; }

    /// <summary>The file, once the expert may read it.</summary>
    public ReviewFileView? Review { get; private set; }

    public Error? Failure { get; private set; }

    [BindProperty]
    public OpinionForm Form { get; set; } = new();

    public string? ConflictDetails { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken) => await Load(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDeclare(bool hasConflict, string? details, CancellationToken cancellationToken)
    {
        var declared = await sender.Send(new DeclareConflictOfInterest(Id, hasConflict, details), cancellationToken);
        if (declared.IsSuccess)
        {
            Notice = hasConflict
                ? "Votre conflit d'intérêts est enregistré : vous êtes déporté de ce dossier et le chargé de mission en est informé."
                : "Votre déclaration est enregistrée : le dossier vous est ouvert.";
            return RedirectToPage(new { id = Id });
        }

        Failure = declared.Error;
        ConflictDetails = details;
        return await Load(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostOpinion(CancellationToken cancellationToken)
    {
        var scores = Form.Scores
            .Where(s => s.Score is not null)
            .Select(s => new CriterionScore(s.Code ?? "", s.Score!.Value, s.Comment ?? ""))
            .ToList();
        var submitted = await sender.Send(new SubmitReviewOpinion(Id, scores, Form.Opinion, Form.Text, Form.ConfidentialText), cancellationToken);
        if (submitted.IsSuccess)
        {
            Notice = "Votre avis est remis. Il ne se modifie plus.";
            return RedirectToPage(new { id = Id });
        }

        Failure = submitted.Error;
        return await Load(cancellationToken, keepForm: true) ? Page() : NotFound();
    }

    public IReadOnlyList<string> ErrorsOf(string field) =>
        Failure?.FieldErrors.TryGetValue(field, out var messages) == true ? messages : [];

    public ScoreInput InputFor(ScoringCriterion criterion) =>
        Form.Scores.FirstOrDefault(s => string.Equals(s.Code, criterion.Code, StringComparison.OrdinalIgnoreCase)) ?? new ScoreInput { Code = criterion.Code };

    private async Task<bool> Load(CancellationToken cancellationToken, bool keepForm = false)
    {
        var file = await sender.Send(new GetReviewFile(Id), cancellationToken);
        if (file.IsSuccess)
        {
            Review = file.Value;
            if (!keepForm)
            {
                Form = new OpinionForm { Scores = [.. Review.Grid.Select(c => new ScoreInput { Code = c.Code })] };
            }

            return true;
        }

        if (file.Error.Code == ReviewerAccess.NotFound.Code)
        {
            return false;
        }

        // Before the declaration (or once recused) only the listing is shown, never the content.
        var lines = await sender.Send(new ListMyReviews(), cancellationToken);
        Line = lines.IsSuccess ? lines.Value.FirstOrDefault(l => l.AssignmentId == Id) : null;
        return Line is not null;
    }
}
