using PtceFunding.Domain.Reviews;

namespace PtceFunding.Web.Pages.Expertise;

/// <summary>The opinion as the form posts it: one score and comment per criterion, conclusion, text, confidential part.</summary>
public sealed class OpinionForm
{
    public IList<ScoreInput> Scores { get; set; } = [];

    public ReviewOpinion? Opinion { get; set; }

    public string? Text { get; set; }

    public string? ConfidentialText { get; set; }
}

/// <summary>One criterion of the grid: its code, the score chosen (none yet: null) and the comment.</summary>
public sealed class ScoreInput
{
    public string? Code { get; set; }

    public int? Score { get; set; }

    public string? Comment { get; set; }
}
