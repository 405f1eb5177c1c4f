using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Reviews;

namespace PtceFunding.Domain.Tests.Reviews;

public sealed class ReviewerAssignmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly ScoringCriterion[] Grid =
    [
        new("ancrage", "Ancrage territorial", 60m, 5),
        new("cooperation", "Coopération", 40m, 5),
    ];

    private static readonly CriterionScore[] GoodScores =
    [
        new("ancrage", 4, "Bien implanté."),
        new("cooperation", 3, "Coopération naissante."),
    ];

    [Fact]
    public void The_weighted_score_is_the_sum_of_weight_times_score_over_scale()
    {
        Assert.Equal(72.00m, ScoringGrid.WeightedScore(Grid, GoodScores));
    }

    [Fact]
    public void The_weighted_score_is_rounded_half_away_from_zero_to_two_decimals()
    {
        // 100 × 1/3 = 33.333… and 100 × 2/3 = 66.666…
        ScoringCriterion[] thirds = [new("a", "A", 100m, 3)];
        Assert.Equal(33.33m, ScoringGrid.WeightedScore(thirds, [new("a", 1, "x")]));
        Assert.Equal(66.67m, ScoringGrid.WeightedScore(thirds, [new("a", 2, "x")]));

        ScoringCriterion[] halves = [new("a", "A", 0.01m, 2), new("b", "B", 99.99m, 1)];
        Assert.Equal(0.01m, ScoringGrid.WeightedScore(halves, [new("a", 1, "x"), new("b", 0, "x")])); // 0.005: half a cent, away from zero (not to even)
    }

    [Fact]
    public void Full_marks_give_100_and_zero_gives_0()
    {
        Assert.Equal(100m, ScoringGrid.WeightedScore(Grid, [new("ancrage", 5, "x"), new("cooperation", 5, "x")]));
        Assert.Equal(0m, ScoringGrid.WeightedScore(Grid, [new("ancrage", 0, "x"), new("cooperation", 0, "x")]));
    }

    [Fact]
    public void Nothing_is_readable_before_the_declaration()
    {
        var assignment = Assigned();

        Assert.Equal("review.declaration_required", assignment.ContentClosedError()?.Code);
        Assert.Equal(ErrorKind.Forbidden, assignment.ContentClosedError()?.Kind);
        Assert.Equal("review.declaration_required", assignment.SubmitOpinion(Grid, GoodScores, ReviewOpinion.Favourable, "Avis", null, Now).Error?.Code);
    }

    [Fact]
    public void Declaring_no_conflict_opens_the_file_once()
    {
        var assignment = Assigned();

        Assert.True(assignment.DeclareNoConflict(Now).IsSuccess);

        Assert.Null(assignment.ContentClosedError());
        Assert.Equal(ConflictDeclaration.NoConflict, assignment.Declaration);
        Assert.Equal(Now.UtcDateTime, assignment.DeclaredAt);
        Assert.Equal("review.already_declared", assignment.DeclareNoConflict(Now).Error?.Code);
    }

    [Fact]
    public void Declaring_a_conflict_recuses_the_reviewer_for_good()
    {
        var assignment = Assigned();

        Assert.True(assignment.DeclareConflict("  Administrateur du chef de file.  ", Now).IsSuccess);

        Assert.True(assignment.IsRecused);
        Assert.Equal("Administrateur du chef de file.", assignment.ConflictDetails);
        Assert.Equal("review.recused", assignment.ContentClosedError()?.Code);
        Assert.Equal("review.recused", assignment.DeclareNoConflict(Now).Error?.Code);
        Assert.Equal("review.recused", assignment.DeclareConflict("encore", Now).Error?.Code);
        Assert.Equal("review.recused", assignment.SubmitOpinion(Grid, GoodScores, ReviewOpinion.Favourable, "Avis", null, Now).Error?.Code);
    }

    [Fact]
    public void A_conflict_needs_its_details()
    {
        var assignment = Assigned();

        var refused = assignment.DeclareConflict("  ", Now);

        Assert.Equal("review.conflict_details_required", refused.Error?.Code);
        Assert.Equal(ErrorKind.Validation, refused.Error?.Kind);
        Assert.Equal(ConflictDeclaration.Pending, assignment.Declaration);
    }

    [Fact]
    public void A_conflict_found_after_declaring_none_still_recuses_before_the_opinion()
    {
        var assignment = Declared();

        Assert.True(assignment.DeclareConflict("Lien découvert à la lecture.", Now).IsSuccess);
        Assert.True(assignment.IsRecused);
    }

    [Fact]
    public void Submitting_the_opinion_records_the_scores_and_the_weighted_score()
    {
        var assignment = Declared();

        var submitted = assignment.SubmitOpinion(
            Grid, [new(" COOPERATION ", 3, " Coopération naissante. "), new("ancrage", 4, "Bien implanté.")], ReviewOpinion.Reserved, " Avis réservé. ", " Confidentiel ", Now);

        Assert.True(submitted.IsSuccess, submitted.Error?.Message);
        Assert.Equal(72.00m, assignment.WeightedScore);
        Assert.Equal(new[] { "ancrage", "cooperation" }, assignment.Scores.Select(s => s.Code));
        Assert.Equal("Coopération naissante.", assignment.Scores[1].Comment);
        Assert.Equal(ReviewOpinion.Reserved, assignment.Opinion);
        Assert.Equal("Avis réservé.", assignment.OpinionText);
        Assert.Equal("Confidentiel", assignment.ConfidentialText);
        Assert.Equal(Now.UtcDateTime, assignment.SubmittedAt);
    }

    [Fact]
    public void A_submitted_opinion_is_final()
    {
        var assignment = Declared();
        assignment.SubmitOpinion(Grid, GoodScores, ReviewOpinion.Favourable, "Avis", null, Now);

        Assert.Equal("review.already_submitted", assignment.SubmitOpinion(Grid, GoodScores, ReviewOpinion.Unfavourable, "Autre", null, Now).Error?.Code);
        Assert.Equal("review.already_submitted", assignment.DeclareConflict("trop tard", Now).Error?.Code);
        Assert.Equal(ReviewOpinion.Favourable, assignment.Opinion);
    }

    public static TheoryData<CriterionScore[], string> BadScores => new()
    {
        { [new("ancrage", 4, "ok")], "review.score_missing" },
        { [new("ancrage", 4, "ok"), new("cooperation", 6, "ok")], "review.score_out_of_scale" },
        { [new("ancrage", -1, "ok"), new("cooperation", 3, "ok")], "review.score_out_of_scale" },
        { [new("ancrage", 4, "ok"), new("cooperation", 3, " ")], "review.comment_required" },
        { [new("ancrage", 4, "ok"), new("cooperation", 3, "ok"), new("impact", 2, "ok")], "review.unknown_criterion" },
        { [new("ancrage", 4, "ok"), new("ancrage", 2, "ok"), new("cooperation", 3, "ok")], "review.unknown_criterion" },
    };

    [Theory]
    [MemberData(nameof(BadScores))]
    public void Scores_that_do_not_fit_the_grid_are_refused_with_their_code(CriterionScore[] scores, string code)
    {
        var assignment = Declared();

        var refused = assignment.SubmitOpinion(Grid, scores, ReviewOpinion.Favourable, "Avis", null, Now);

        Assert.Equal(code, refused.Error?.Code);
        Assert.Equal(ErrorKind.Validation, refused.Error?.Kind);
        Assert.NotEmpty(refused.Error!.FieldErrors);
        Assert.Null(assignment.SubmittedAt);
    }

    [Fact]
    public void Every_problem_of_the_grid_is_reported_per_criterion()
    {
        var refused = ScoringGrid.Check(Grid, [new("ancrage", 9, "")]);

        Assert.Equal("review.score_missing", refused?.Code);
        Assert.Equal(new[] { "Scores.ancrage", "Scores.cooperation" }, refused!.FieldErrors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, refused.FieldErrors["Scores.ancrage"].Length);
    }

    [Fact]
    public void The_opinion_needs_its_text_and_a_known_conclusion()
    {
        var assignment = Declared();

        Assert.Equal("review.opinion_text_required", assignment.SubmitOpinion(Grid, GoodScores, ReviewOpinion.Favourable, " ", null, Now).Error?.Code);
        Assert.Equal("review.opinion_required", assignment.SubmitOpinion(Grid, GoodScores, (ReviewOpinion)42, "Avis", null, Now).Error?.Code);
    }

    [Fact]
    public void A_call_without_a_grid_takes_an_opinion_without_a_score()
    {
        var assignment = Declared();

        Assert.True(assignment.SubmitOpinion([], [], ReviewOpinion.Favourable, "Avis", null, Now).IsSuccess);
        Assert.Null(assignment.WeightedScore);
    }

    private static ReviewerAssignment Assigned() =>
        ReviewerAssignment.Assign(ReviewerAssignmentId.New(), FundingApplicationId.New(), Guid.NewGuid(), Guid.NewGuid(), Now);

    private static ReviewerAssignment Declared()
    {
        var assignment = Assigned();
        assignment.DeclareNoConflict(Now);
        return assignment;
    }
}
