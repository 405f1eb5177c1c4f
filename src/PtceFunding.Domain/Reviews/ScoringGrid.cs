namespace PtceFunding.Domain.Reviews;

/// <summary>A reviewer's mark on one criterion of the grid, with the comment that justifies it.</summary>
public sealed record CriterionScore(string Code, int Score, string Comment);

/// <summary>The weighted scoring grid (grille d'évaluation) of a call, applied to a reviewer's marks.</summary>
public static class ScoringGrid
{
    /// <summary>
    /// The weighted score on 100: Σ weight × score / scale maximum over the criteria of the grid
    /// (the weights total 100, so full marks everywhere give 100), computed exactly in decimal and
    /// rounded once, half away from zero, to 2 decimals. With weights 60 and 40 on a scale of 5,
    /// marks of 4 and 3 give 60 × 4/5 + 40 × 3/5 = 72.00.
    /// </summary>
    /// <exception cref="ArgumentException">A criterion of the grid has no score (check with <see cref="Check"/> first).</exception>
    public static decimal WeightedScore(IReadOnlyList<ScoringCriterion> grid, IReadOnlyList<CriterionScore> scores)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(scores);
        var total = 0m;
        foreach (var criterion in grid)
        {
            var score = scores.FirstOrDefault(s => SameCode(s.Code, criterion.Code))
                ?? throw new ArgumentException($"No score for criterion '{criterion.Code}'.", nameof(scores));
            total += criterion.Weight * score.Score / criterion.ScaleMax;
        }

        return decimal.Round(total, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Marks that fit the grid: exactly one score per criterion, within 0..scale maximum, each with a
    /// comment. Every problem is reported per criterion; the error's code is that of the first rule
    /// broken, in this order: <c>review.unknown_criterion</c>, <c>review.score_missing</c>,
    /// <c>review.score_out_of_scale</c>, <c>review.comment_required</c>.
    /// </summary>
    public static Error? Check(IReadOnlyList<ScoringCriterion> grid, IReadOnlyList<CriterionScore> scores)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(scores);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var codes = new List<string>();
        void Add(string code, string field, string message)
        {
            codes.Add(code);
            problems[field] = [.. problems.GetValueOrDefault(field) ?? [], message];
        }

        foreach (var unknown in scores.Where(s => grid.All(c => !SameCode(c.Code, s.Code))))
        {
            Add("review.unknown_criterion", $"Scores.{unknown.Code}", $"« {unknown.Code} » n'est pas un critère de la grille de ce dossier.");
        }

        foreach (var criterion in grid)
        {
            var given = scores.Where(s => SameCode(s.Code, criterion.Code)).ToList();
            var field = $"Scores.{criterion.Code}";
            if (given.Count > 1)
            {
                Add("review.unknown_criterion", field, $"Le critère « {criterion.Label} » est noté plusieurs fois.");
                continue;
            }

            if (given.Count == 0)
            {
                Add("review.score_missing", field, $"Notez le critère « {criterion.Label} ».");
                continue;
            }

            if (given[0].Score < 0 || given[0].Score > criterion.ScaleMax)
            {
                Add("review.score_out_of_scale", field, $"La note du critère « {criterion.Label} » est comprise entre 0 et {criterion.ScaleMax}.");
            }

            if (string.IsNullOrWhiteSpace(given[0].Comment))
            {
                Add("review.comment_required", field, $"Justifiez la note du critère « {criterion.Label} » par un commentaire.");
            }
        }

        if (codes.Count == 0)
        {
            return null;
        }

        string[] order = ["review.unknown_criterion", "review.score_missing", "review.score_out_of_scale", "review.comment_required"];
        return Error.Validation(problems) with { Code = order.First(codes.Contains), Message = "La grille d'évaluation est incomplète ou mal renseignée." };
    }

    private static bool SameCode(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
