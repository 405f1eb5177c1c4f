using System.Text.RegularExpressions;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Tests.Builders;

namespace PtceFunding.Domain.Tests.Applications;

public sealed class SubmissionTests
{
    [Fact]
    public void A_valid_application_is_submitted_frozen_with_its_receipt_number()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).Build();

        var result = draft.Submit();

        Assert.True(result.IsSuccess, result.Error?.Code);
        var application = draft.Application;
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(ApplicationBuilder.SubmittedAt.UtcDateTime, application.SubmittedAt);
        Assert.Equal(ApplicationBuilder.Applicant, application.SubmittedBy);
        Assert.Equal("84", application.RegionCode);
        Assert.Equal(130_000m, application.TotalRequested);
    }

    [Fact]
    public void Submitting_routes_the_application_to_the_funders_of_its_call_only()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).Build();
        var state = Funder.Create(CallBuilder.State, "État", FunderKind.StateNational, null).Value;
        var region = Funder.Create(CallBuilder.Region, "Région Auvergne-Rhône-Alpes", FunderKind.Region, "84").Value;
        var otherRegion = Funder.Create(FunderId.New(), "Région Bretagne", FunderKind.Region, "53").Value;

        Assert.True(draft.SubmitTo(state, region, otherRegion).IsSuccess);

        Assert.Equal(new HashSet<FunderId> { CallBuilder.State, CallBuilder.Region }, draft.Application.Routes.Select(r => r.FunderId).ToHashSet());
    }

    [Fact]
    public void The_receipt_number_is_ptce_the_year_and_ten_hex_digits_of_the_identifier()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).Build();

        draft.Submit();

        var reference = draft.Application.Reference!;
        Assert.Matches(new Regex("^PTCE-2027-[0-9A-F]{10}$"), reference);
        Assert.EndsWith(draft.Application.Id.Value.ToString("N")[^10..], reference, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Receipt_numbers_of_two_applications_differ()
    {
        var at = ApplicationBuilder.SubmittedAt;

        Assert.NotEqual(
            FundingApplication.ReceiptNumber(FundingApplicationId.New(), at, "Europe/Paris"),
            FundingApplication.ReceiptNumber(FundingApplicationId.New(), at, "Europe/Paris"));
    }

    [Fact]
    public void The_receipt_year_is_the_year_of_submission_in_the_call_time_zone()
    {
        var paris = new ApplicationBuilder(new CallBuilder().Build()).Build();
        var cayenne = new ApplicationBuilder(new CallBuilder().InTimeZone("America/Cayenne").Build()).Build();

        // 00:30 on 1 January 2028 in Paris; 20:30 on 31 December 2027 in Cayenne.
        var newYearInParis = new DateTimeOffset(2027, 12, 31, 23, 30, 0, TimeSpan.Zero);
        Assert.True(paris.Submit(newYearInParis).IsSuccess);
        Assert.True(cayenne.Submit(newYearInParis).IsSuccess);

        Assert.StartsWith("PTCE-2028-", paris.Application.Reference, StringComparison.Ordinal);
        Assert.StartsWith("PTCE-2027-", cayenne.Application.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public void An_application_with_several_problems_gets_every_code_in_one_answer()
    {
        var call = new CallBuilder().Build();
        var draft = new ApplicationBuilder(call)
            .WithLead(ApplicationBuilder.Lead(LegalForm.Sas, isEss: false))
            .WithPartners()
            .WithDescription("")
            .Requesting(new(CallBuilder.State, 80_000m), new(CallBuilder.Region, 40_000m))
            .CommittingTo()
            .Attaching("statuts")
            .Build();

        var result = draft.Submit();

        Assert.Equal("application.not_submittable", result.Error?.Code);
        Assert.Equal(
            [
                "application.description_missing",
                "application.indicator_missing",
                "application.amount_not_in_plan",
                "eligibility.ess_member_required",
                "eligibility.too_few_members",
                "application.document_missing",
            ],
            result.Error!.Failures.Select(f => f.Code));
        Assert.Contains("6 point(s)", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, draft.Application.Status);
        Assert.Null(draft.Application.Reference);
    }

    [Fact]
    public void A_missing_document_is_named_in_its_failure()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).Attaching("statuts").Build();

        var failure = Assert.Single(draft.Failures());
        Assert.Equal("application.document_missing", failure.Code);
        Assert.Contains("Budget prévisionnel", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indicator_needs_a_target_for_each_project_year()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).CommittingTo(new IndicatorCommitment("emplois", 3m, [5m])).Build();

        Assert.Equal(["application.indicator_missing"], draft.FailureCodes());
    }

    [Fact]
    public void An_application_without_duration_is_refused_for_its_missing_schedule()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).LastingYears(null).Build();

        Assert.Equal(["application.schedule_missing"], draft.FailureCodes());
    }

    [Fact]
    public void A_submitted_application_is_frozen_for_every_edit()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).Build();
        draft.Submit();
        var application = draft.Application;
        var partner = draft.Profiles[1].OrganisationId;

        Error?[] refusals =
        [
            application.DescribeProject(new ProjectDescription("Autre titre", "Autre", "Drôme", [], null, 1)).Error,
            application.ComposeConsortium([.. application.Members.Where(m => m.IsLead)]).Error,
            application.PlanFinancing(FinancingPlan.Empty, []).Error,
            application.CommitToIndicators([]).Error,
            application.InviteContributor(Guid.NewGuid(), partner, ApplicationBuilder.Applicant, ApplicationBuilder.SubmittedAt).Error,
        ];

        Assert.All(refusals, e => Assert.Equal("application.frozen", e?.Code));
        Assert.Equal("application.transition_not_allowed", draft.Submit().Error?.Code);
        Assert.Equal("Filière alimentaire du Diois", application.Title);
        Assert.Equal(2, application.Members.Count);
        Assert.Same(ApplicationBuilder.BalancedPlan, application.Plan);
        Assert.Single(application.Indicators);
        Assert.Equal(["application.frozen"], draft.FailureCodes());
    }

    [Fact]
    public void A_withdrawn_draft_is_frozen_too_and_cannot_be_withdrawn_twice()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).Build();

        Assert.True(draft.Application.Withdraw("  Projet abandonné  ", ApplicationBuilder.SubmittedAt).IsSuccess);

        Assert.Equal("Projet abandonné", draft.Application.WithdrawalReason);
        Assert.Equal("application.transition_not_allowed", draft.Submit().Error?.Code);
        Assert.Equal("application.already_withdrawn", draft.Application.Withdraw("", ApplicationBuilder.SubmittedAt).Error?.Code);
    }

    [Fact]
    public void The_rules_version_is_frozen_at_submission()
    {
        var call = new CallBuilder().Build();
        var before = new ApplicationBuilder(call).Build();
        var after = new ApplicationBuilder(call).Build();
        var originalRules = call.CurrentRules;
        Assert.True(before.Submit().IsSuccess);

        var stricter = originalRules with { Eligibility = originalRules.Eligibility with { MaximumAmount = 100_000m } };
        Assert.True(call.ChangeRules(stricter, ApplicationBuilder.SubmittedAt.AddDays(1)).IsSuccess);

        Assert.Equal(2, call.CurrentRulesVersion);
        Assert.Equal(1, before.Application.RulesVersion);
        Assert.Same(originalRules, call.RulesOfVersion(1));
        Assert.Same(stricter, call.RulesOfVersion(2));
        Assert.Equal(["eligibility.amount_above_maximum"], after.FailureCodes(ApplicationBuilder.SubmittedAt.AddDays(2)));
    }

    [Fact]
    public void A_draft_started_under_old_rules_is_submitted_under_the_current_ones()
    {
        var call = new CallBuilder().Build();
        var draft = new ApplicationBuilder(call).Build();
        Assert.Equal(1, draft.Application.RulesVersion);

        Assert.True(call.ChangeRules(call.CurrentRules with { Grid = [new("impact", "Impact", 100m, 10)] }, ApplicationBuilder.SubmittedAt).IsSuccess);
        Assert.True(draft.Submit(ApplicationBuilder.SubmittedAt.AddHours(1)).IsSuccess);

        Assert.Equal(2, draft.Application.RulesVersion);
    }

    [Fact]
    public void Changing_the_rules_of_a_draft_call_replaces_them_without_a_new_version()
    {
        var call = new CallBuilder().Draft().Build();
        var changed = call.CurrentRules with { Documents = [new("rib", "RIB")] };

        Assert.True(call.ChangeRules(changed, CallBuilder.DraftedAt.AddHours(2)).IsSuccess);

        Assert.Equal(1, call.CurrentRulesVersion);
        Assert.Single(call.RuleVersions);
        Assert.Same(changed, call.RulesOfVersion(1));
        Assert.Throws<InvalidOperationException>(() => call.RulesOfVersion(2));
    }

    [Fact]
    public void Starting_an_application_in_an_unknown_category_or_stage_is_refused()
    {
        var call = new CallBuilder().Build();
        var lead = ApplicationBuilder.Lead();

        Assert.Equal(
            "application.category_unknown",
            FundingApplication.Start(FundingApplicationId.New(), call, "PTCE mature", 1, lead, "T", Guid.NewGuid(), ApplicationBuilder.StartedAt).Error?.Code);
        Assert.Equal(
            "application.stage_invalid",
            FundingApplication.Start(FundingApplicationId.New(), call, "PTCE émergent", 2, lead, "T", Guid.NewGuid(), ApplicationBuilder.StartedAt).Error?.Code);
        Assert.Equal(
            "PTCE en consolidation",
            FundingApplication.Start(FundingApplicationId.New(), call, " ptce EN consolidation ", 1, lead, "T", Guid.NewGuid(), ApplicationBuilder.StartedAt).Value.Category);
    }

    [Fact]
    public void The_second_stage_is_open_only_in_a_two_stage_call()
    {
        var call = new CallBuilder().TwoStage().Build();

        var started = FundingApplication.Start(FundingApplicationId.New(), call, "PTCE émergent", 2, ApplicationBuilder.Lead(), "T", Guid.NewGuid(), ApplicationBuilder.StartedAt);

        Assert.Equal(2, started.Value.Stage);
    }

    [Fact]
    public void Submitting_to_a_closed_call_is_refused()
    {
        var call = new CallBuilder().Build();
        var draft = new ApplicationBuilder(call).Build();

        call.Close(ApplicationBuilder.SubmittedAt.AddDays(-1));

        Assert.Equal(["call.not_accepting"], draft.FailureCodes());
    }
}
