namespace PtceFunding.Domain.Reviews;

/// <summary>Identifies a <see cref="ReviewerAssignment"/>.</summary>
public readonly record struct ReviewerAssignmentId(Guid Value)
{
    public static ReviewerAssignmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>The reviewer's declaration of interests (déclaration de conflit d'intérêts) on one application.</summary>
public enum ConflictDeclaration
{
    Pending = 0,
    NoConflict = 1,
    Conflict = 2,
}

/// <summary>The reviewer's conclusion (avis): favourable, reserved, unfavourable.</summary>
public enum ReviewOpinion
{
    Favourable = 0,
    Reserved = 1,
    Unfavourable = 2,
}

/// <summary>
/// An expert (reviewer) assigned by a program officer to one application. Before any content the
/// reviewer declares their interests: a conflict recuses them for good; no conflict opens the file.
/// They then score every criterion of the grid of the application's rules version, with a comment
/// each, and give an opinion with an optional confidential part. A submitted opinion is final.
/// </summary>
public sealed class ReviewerAssignment : AggregateRoot
{
    public const int TextMaxLength = 8000;

    public static readonly Error DeclarationRequired = Error.Forbidden(
        "review.declaration_required", "Déclarez d'abord l'absence ou l'existence d'un conflit d'intérêts avec ce dossier.");

    public static readonly Error Recused = Error.Forbidden(
        "review.recused", "Vous vous êtes déporté de ce dossier pour conflit d'intérêts.");

    public static readonly Error AlreadySubmitted = Error.RuleBroken(
        "review.already_submitted", "Votre avis est déjà remis : il ne se modifie plus.");

    private ReviewerAssignment()
    {
    }

    public ReviewerAssignmentId Id { get; private set; }

    public FundingApplicationId ApplicationId { get; private set; }

    public Guid ReviewerId { get; private set; }

    /// <summary>The program officer who assigned the reviewer.</summary>
    public Guid AssignedBy { get; private set; }

    public DateTime AssignedAt { get; private set; }

    public ConflictDeclaration Declaration { get; private set; }

    public DateTime? DeclaredAt { get; private set; }

    /// <summary>What the declared conflict is, for the officer.</summary>
    public string? ConflictDetails { get; private set; }

    public IReadOnlyList<CriterionScore> Scores { get; private set; } = [];

    public ReviewOpinion? Opinion { get; private set; }

    public string? OpinionText { get; private set; }

    /// <summary>The confidential part of the opinion: officers and committee only, never the consortium.</summary>
    public string? ConfidentialText { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    /// <summary>The score on 100 computed from <see cref="Scores"/> (<see cref="ScoringGrid.WeightedScore"/>); null before submission or for a call without a grid.</summary>
    public decimal? WeightedScore { get; private set; }

    public bool IsRecused => Declaration == ConflictDeclaration.Conflict;

    public static ReviewerAssignment Assign(ReviewerAssignmentId id, FundingApplicationId applicationId, Guid reviewerId, Guid assignedBy, DateTimeOffset now) => new()
    {
        Id = id,
        ApplicationId = applicationId,
        ReviewerId = reviewerId,
        AssignedBy = assignedBy,
        AssignedAt = now.UtcDateTime,
        Declaration = ConflictDeclaration.Pending,
    };

    /// <summary>The reviewer declares no conflict of interest with the application: its content opens to them.</summary>
    public Result DeclareNoConflict(DateTimeOffset now)
    {
        if (RecusedError() is { } recused)
        {
            return recused;
        }

        if (Declaration != ConflictDeclaration.Pending)
        {
            return Error.RuleBroken("review.already_declared", "Vous avez déjà déclaré l'absence de conflit d'intérêts sur ce dossier.");
        }

        Declaration = ConflictDeclaration.NoConflict;
        DeclaredAt = now.UtcDateTime;
        return Result.Success();
    }

    /// <summary>
    /// The reviewer declares a conflict of interest and is recused for good. It may come after a
    /// declaration of no conflict (a link discovered while reading), but not after the opinion.
    /// </summary>
    public Result DeclareConflict(string details, DateTimeOffset now)
    {
        if (RecusedError() is { } recused)
        {
            return recused;
        }

        if (SubmittedAt is not null)
        {
            return AlreadySubmitted;
        }

        if (string.IsNullOrWhiteSpace(details))
        {
            return Error.Validation("ConflictDetails", "Décrivez le conflit d'intérêts : le chargé de mission en est informé.") with { Code = "review.conflict_details_required" };
        }

        Declaration = ConflictDeclaration.Conflict;
        DeclaredAt = now.UtcDateTime;
        ConflictDetails = details.Trim();
        return Result.Success();
    }

    /// <summary>
    /// Scores the grid of the application's rules version and gives the opinion, once: every
    /// criterion scored within its scale with a comment, an opinion and its text.
    /// </summary>
    public Result SubmitOpinion(
        IReadOnlyList<ScoringCriterion> grid, IReadOnlyList<CriterionScore> scores, ReviewOpinion opinion, string text, string? confidentialText, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(scores);
        if (ContentClosedError() is { } closed)
        {
            return closed;
        }

        if (SubmittedAt is not null)
        {
            return AlreadySubmitted;
        }

        if (!Enum.IsDefined(opinion))
        {
            return Error.Validation("Opinion", "Choisissez un avis : favorable, réservé ou défavorable.") with { Code = "review.opinion_required" };
        }

        if (ScoringGrid.Check(grid, scores) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Error.Validation("Text", "Rédigez votre avis.") with { Code = "review.opinion_text_required" };
        }

        // Kept in the grid's order and spelling, whatever the order and case the marks came in.
        Scores = [.. grid.Select(c => (Criterion: c, Given: scores.Single(s => string.Equals(s.Code.Trim(), c.Code.Trim(), StringComparison.OrdinalIgnoreCase))))
            .Select(p => new CriterionScore(p.Criterion.Code, p.Given.Score, p.Given.Comment.Trim()))];
        Opinion = opinion;
        OpinionText = text.Trim();
        ConfidentialText = string.IsNullOrWhiteSpace(confidentialText) ? null : confidentialText.Trim();
        WeightedScore = grid.Count == 0 ? null : ScoringGrid.WeightedScore(grid, Scores);
        SubmittedAt = now.UtcDateTime;
        return Result.Success();
    }

    /// <summary>Why the reviewer may not read the application's content now, if they may not.</summary>
    public Error? ContentClosedError() =>
        RecusedError() ?? (Declaration == ConflictDeclaration.Pending ? DeclarationRequired : null);

    private Error? RecusedError() => IsRecused ? Recused : null;
}
