using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Tests.Builders;

namespace PtceFunding.Domain.Tests.Calls;

public sealed class CallTests
{
    private static readonly DateTimeOffset Later = CallBuilder.DraftedAt.AddDays(30);

    [Fact]
    public void A_call_is_drafted_with_rules_version_1()
    {
        var call = new CallBuilder().Draft().Build();

        Assert.Equal(CallStatus.Draft, call.Status);
        Assert.Equal(1, call.CurrentRulesVersion);
        Assert.Equal(["PTCE émergent", "PTCE en consolidation"], call.Categories);
        Assert.Null(call.ClosesOn);
    }

    [Fact]
    public void Publishing_needs_at_least_one_funder()
    {
        var call = new CallBuilder().Draft().WithFunders().Build();

        Assert.Equal("call.incomplete", call.Publish(Later).Error?.Code);
        Assert.Equal(CallStatus.Draft, call.Status);
    }

    [Fact]
    public void Publishing_needs_at_least_one_category()
    {
        var call = new CallBuilder().Draft().WithCategories().Build();

        Assert.Equal("call.incomplete", call.Publish(Later).Error?.Code);
    }

    [Fact]
    public void A_call_is_published_once()
    {
        var call = new CallBuilder().Draft().Build();

        Assert.True(call.Publish(Later).IsSuccess);
        Assert.Equal(Later.UtcDateTime, call.PublishedAt);
        Assert.Equal("call.not_draft", call.Publish(Later.AddDays(1)).Error?.Code);
        Assert.Equal(Later.UtcDateTime, call.PublishedAt);
    }

    [Fact]
    public void A_call_is_closed_after_publication_then_archived()
    {
        var call = new CallBuilder().Draft().Build();

        Assert.Equal("call.not_published", call.Close(Later).Error?.Code);
        Assert.Equal("call.not_closed", call.Archive().Error?.Code);

        call.Publish(Later);
        Assert.Equal("call.not_closed", call.Archive().Error?.Code);
        Assert.True(call.Close(Later.AddDays(1)).IsSuccess);
        Assert.Equal(Later.AddDays(1).UtcDateTime, call.ClosedAt);
        Assert.Equal("call.not_published", call.Close(Later.AddDays(2)).Error?.Code);
        Assert.True(call.Archive().IsSuccess);
        Assert.Equal(CallStatus.Archived, call.Status);
        Assert.Equal("call.not_closed", call.Archive().Error?.Code);
    }

    [Fact]
    public void A_closed_call_changes_neither_details_nor_rules()
    {
        var builder = new CallBuilder();
        var call = builder.Build();
        call.Close(Later);

        Assert.Equal("call.closed", call.ChangeDetails(builder.Details).Error?.Code);
        Assert.Equal("call.closed", call.ChangeRules(builder.Rules, Later).Error?.Code);
        Assert.Equal(1, call.CurrentRulesVersion);
    }

    [Fact]
    public void A_published_call_keeps_at_least_one_funder_and_one_category()
    {
        var call = new CallBuilder().Build();

        Assert.Equal("call.incomplete", call.ChangeDetails(new CallBuilder().WithFunders().Details).Error?.Code);
        Assert.Equal("call.incomplete", call.ChangeDetails(new CallBuilder().WithCategories().Details).Error?.Code);
        Assert.Equal(2, call.Funders.Count);
        Assert.Equal(2, call.Categories.Count);
        Assert.True(call.ChangeDetails(new CallBuilder().WithCategories("PTCE émergent").Details).IsSuccess);
    }

    [Fact]
    public void A_draft_call_may_be_prepared_without_funders_yet()
    {
        var call = new CallBuilder().Draft().Build();

        Assert.True(call.ChangeDetails(new CallBuilder().WithFunders().Details).IsSuccess);
        Assert.Empty(call.Funders);
    }

    [Fact]
    public void The_mode_of_a_published_call_is_fixed()
    {
        var call = new CallBuilder().Build();
        var fixedWindow = new CallBuilder().FixedWindow(new DateOnly(2027, 1, 15), new DateOnly(2027, 6, 30)).Details;

        Assert.Equal("call.mode_fixed", call.ChangeDetails(fixedWindow).Error?.Code);
        Assert.Equal(CallMode.Continuous, call.Mode);
    }

    [Fact]
    public void A_continuous_call_accepts_applications_from_its_opening_day_in_its_time_zone()
    {
        var call = new CallBuilder().Build();

        // 15 January 2027 starts at 23:00 UTC the day before in Paris (winter time).
        Assert.False(call.AcceptsApplicationsAt(new DateTimeOffset(2027, 1, 14, 22, 59, 59, TimeSpan.Zero)));
        Assert.True(call.AcceptsApplicationsAt(new DateTimeOffset(2027, 1, 14, 23, 0, 0, TimeSpan.Zero)));
        Assert.True(call.AcceptsApplicationsAt(new DateTimeOffset(2031, 12, 31, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_fixed_window_call_accepts_applications_until_the_end_of_its_closing_day_in_its_time_zone()
    {
        var call = new CallBuilder().FixedWindow(new DateOnly(2027, 2, 1), new DateOnly(2027, 6, 30)).Build();

        // 30 June ends at 22:00 UTC in Paris (summer time).
        Assert.True(call.AcceptsApplicationsAt(new DateTimeOffset(2027, 6, 30, 21, 59, 59, TimeSpan.Zero)));
        Assert.False(call.AcceptsApplicationsAt(new DateTimeOffset(2027, 6, 30, 22, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_fixed_window_call_refuses_applications_before_its_opening_day()
    {
        var call = new CallBuilder().FixedWindow(new DateOnly(2027, 2, 1), new DateOnly(2027, 6, 30)).Build();

        Assert.False(call.AcceptsApplicationsAt(new DateTimeOffset(2027, 1, 31, 22, 59, 0, TimeSpan.Zero)));
        Assert.True(call.AcceptsApplicationsAt(new DateTimeOffset(2027, 1, 31, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(
            "call.not_accepting",
            FundingApplication.Start(FundingApplicationId.New(), call, "PTCE émergent", 1, ApplicationBuilder.Lead(), "T", Guid.NewGuid(), new DateTimeOffset(2027, 1, 31, 12, 0, 0, TimeSpan.Zero)).Error?.Code);
    }

    [Fact]
    public void A_fixed_window_call_in_cayenne_closes_three_hours_after_midnight_utc()
    {
        var call = new CallBuilder().InTimeZone("America/Cayenne").FixedWindow(new DateOnly(2027, 2, 1), new DateOnly(2027, 6, 30)).Build();

        Assert.True(call.AcceptsApplicationsAt(new DateTimeOffset(2027, 7, 1, 2, 59, 59, TimeSpan.Zero)));
        Assert.False(call.AcceptsApplicationsAt(new DateTimeOffset(2027, 7, 1, 3, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_draft_or_closed_call_accepts_no_application()
    {
        var open = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var draft = new CallBuilder().Draft().Build();
        var closed = new CallBuilder().Build();
        closed.Close(open.AddDays(-1));

        Assert.False(draft.AcceptsApplicationsAt(open));
        Assert.False(closed.AcceptsApplicationsAt(open));
    }

    [Fact]
    public void A_fixed_window_call_needs_a_closing_day_after_its_opening_day()
    {
        var details = new CallBuilder().FixedWindow(new DateOnly(2027, 6, 30), new DateOnly(2027, 6, 1)).Details;

        var drafted = Call.Draft(CallId.New(), ProgrammeId.New(), details, new CallBuilder().Rules, CallBuilder.DraftedAt);

        Assert.Contains("ClosesOn", drafted.Error!.FieldErrors.Keys);
    }

    [Fact]
    public void Call_details_refuse_an_unknown_time_zone_duplicate_categories_and_funders()
    {
        var details = new CallBuilder().InTimeZone("Europe/Atlantis").WithCategories("PTCE émergent", "ptce émergent")
            .WithFunders(new(CallBuilder.State, 1m), new(CallBuilder.State, 2m)).Details;

        Assert.Equal(["Categories", "Funders", "TimeZoneId"], details.Check().Error!.FieldErrors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rules_are_valid_when_the_grid_weighs_100_percent()
    {
        Assert.True(new CallBuilder().Rules.Check().IsSuccess);
    }

    [Fact]
    public void Grid_weights_must_total_100_percent()
    {
        var rules = new CallBuilder().WithGrid(new("ancrage", "Ancrage", 40m, 5), new("cooperation", "Coopération", 50m, 5)).Rules;

        var grid = rules.Check().Error!.FieldErrors["Grid"];

        Assert.Contains(grid, m => m.Contains("90 %", StringComparison.Ordinal));
    }

    [Fact]
    public void A_code_used_twice_is_refused_whatever_its_case()
    {
        var rules = new CallBuilder().WithDocuments(new("statuts", "Statuts"), new("STATUTS", "Statuts à jour")).Rules;

        var documents = rules.Check().Error!.FieldErrors["Documents"];

        Assert.Contains(documents, m => m.Contains("« statuts » est utilisé deux fois", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_region_code_is_refused()
    {
        var rules = new CallBuilder().WithEligibility(e => e with { RegionCodes = ["84", "99"] }).Rules;

        var regions = rules.Check().Error!.FieldErrors["Eligibility.RegionCodes"];

        Assert.Equal(["« 99 » n'est pas un code de région INSEE."], regions);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void The_maximum_duration_is_between_1_and_5_years(int years)
    {
        var rules = new CallBuilder().WithEligibility(e => e with { MaximumDurationYears = years }).Rules;

        Assert.Contains("Eligibility.MaximumDurationYears", rules.Check().Error!.FieldErrors.Keys);
    }

    [Fact]
    public void Incoherent_rules_are_not_drafted_nor_applied()
    {
        var builder = new CallBuilder();
        var broken = builder.WithEligibility(e => e with { MinimumMembers = 0 }).Rules;
        var call = new CallBuilder().Build();

        Assert.Equal("validation", Call.Draft(CallId.New(), ProgrammeId.New(), builder.Details, broken, CallBuilder.DraftedAt).Error?.Code);
        Assert.Equal("validation", call.ChangeRules(broken, Later).Error?.Code);
        Assert.Equal(1, call.CurrentRulesVersion);
    }

    [Fact]
    public void Each_change_of_a_published_call_rules_is_a_new_version()
    {
        var call = new CallBuilder().Build();
        var rules = call.CurrentRules;

        call.ChangeRules(rules with { Indicators = [] }, Later);
        call.ChangeRules(rules with { Documents = [] }, Later.AddDays(1));

        Assert.Equal(3, call.CurrentRulesVersion);
        Assert.Equal([1, 2, 3], call.RuleVersions.Select(v => v.Number));
        Assert.Empty(call.CurrentRules.Documents);
        Assert.Same(rules, call.RulesOfVersion(1));
    }
}
