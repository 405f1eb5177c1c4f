using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Tests.Builders;

namespace PtceFunding.Domain.Tests.Applications;

public sealed class EligibilityTests
{
    [Fact]
    public void A_complete_eligible_application_has_no_failure()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).Build();

        Assert.Empty(draft.Failures());
    }

    [Fact]
    public void Submitting_without_an_ess_member_is_refused_with_its_code()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build())
            .WithLead(ApplicationBuilder.Lead(LegalForm.Sas, isEss: false))
            .Build();

        Assert.Equal(["eligibility.ess_member_required"], draft.FailureCodes());
    }

    [Fact]
    public void A_consortium_whose_only_ess_member_is_not_the_lead_is_eligible()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build())
            .WithLead(ApplicationBuilder.Lead(LegalForm.Sas, isEss: false))
            .WithPartners(ApplicationBuilder.Partner("Association Terres de Drôme", LegalForm.Association, isEss: true))
            .Build();

        Assert.Empty(draft.Failures());
    }

    [Fact]
    public void A_call_without_the_ess_rule_accepts_a_consortium_without_ess_member()
    {
        var call = new CallBuilder().WithEligibility(e => e with { EssRequired = false }).Build();
        var draft = new ApplicationBuilder(call).WithLead(ApplicationBuilder.Lead(LegalForm.Sas, isEss: false)).Build();

        Assert.Empty(draft.Failures());
    }

    [Fact]
    public void A_consortium_smaller_than_the_minimum_is_refused_with_its_code()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).WithPartners().Build();

        var failure = Assert.Single(draft.Failures());
        Assert.Equal("eligibility.too_few_members", failure.Code);
        Assert.Contains("au moins 2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_of_a_legal_form_the_call_does_not_admit_is_named_in_the_refusal()
    {
        var call = new CallBuilder().WithEligibility(e => e with { AllowedLegalForms = [LegalForm.Scic, LegalForm.Association] }).Build();
        var draft = new ApplicationBuilder(call).Build();

        var failure = Assert.Single(draft.Failures());
        Assert.Equal("eligibility.legal_form_not_allowed", failure.Code);
        Assert.Contains("« Communauté de communes du Diois »", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Collectivité territoriale", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_member_of_a_refused_legal_form_gets_its_own_failure()
    {
        var call = new CallBuilder().WithEligibility(e => e with { AllowedLegalForms = [LegalForm.Association] }).Build();
        var draft = new ApplicationBuilder(call).Build();

        Assert.Equal(["eligibility.legal_form_not_allowed", "eligibility.legal_form_not_allowed"], draft.FailureCodes());
        Assert.Contains(draft.Failures(), f => f.Message.Contains("Les Ateliers du Diois", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lead_member_outside_the_call_territory_is_refused_with_its_code()
    {
        var call = new CallBuilder().WithEligibility(e => e with { RegionCodes = ["84"] }).Build();
        var draft = new ApplicationBuilder(call).WithLead(ApplicationBuilder.Lead(regionCode: "53")).Build();

        var failure = Assert.Single(draft.Failures());
        Assert.Equal("eligibility.outside_territory", failure.Code);
        Assert.Contains("Auvergne-Rhône-Alpes", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_territory_is_judged_on_the_lead_member_not_on_the_partners()
    {
        var call = new CallBuilder().WithEligibility(e => e with { RegionCodes = ["84"] }).Build();
        var draft = new ApplicationBuilder(call).WithPartners(ApplicationBuilder.Partner(regionCode: "53")).Build();

        Assert.Empty(draft.Failures());
    }

    [Fact]
    public void Asking_more_than_the_call_maximum_is_refused_with_its_code()
    {
        var call = new CallBuilder().WithEligibility(e => e with { MaximumAmount = 129_999.99m }).Build();
        var draft = new ApplicationBuilder(call).Build();

        var failure = Assert.Single(draft.Failures());
        Assert.Equal("eligibility.amount_above_maximum", failure.Code);
        Assert.Contains("130 000,00 €", Normalised(failure.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_exactly_the_call_maximum_is_eligible()
    {
        var call = new CallBuilder().WithEligibility(e => e with { MaximumAmount = 130_000m }).Build();

        Assert.Empty(new ApplicationBuilder(call).Build().Failures());
    }

    [Fact]
    public void A_project_longer_than_the_call_maximum_is_refused_with_its_code()
    {
        var call = new CallBuilder().WithEligibility(e => e with { MaximumDurationYears = 1 }).Build();
        var draft = new ApplicationBuilder(call).Build();

        Assert.Equal(["eligibility.duration_above_maximum"], draft.FailureCodes());
    }

    [Fact]
    public void Eligibility_reports_every_broken_rule_at_once()
    {
        var rules = CallBuilder.DefaultEligibility with { RegionCodes = ["11"], MaximumAmount = 1_000m, MaximumDurationYears = 1 };
        var lead = ApplicationBuilder.Lead(LegalForm.Sarl, isEss: false, regionCode: "84");

        var failures = Eligibility.Failures(rules, [new ConsortiumMember(lead.OrganisationId, MemberRole.Founding, IsLead: true)], [lead], 5_000m, 2);

        Assert.Equal(
            [
                "eligibility.ess_member_required",
                "eligibility.too_few_members",
                "eligibility.legal_form_not_allowed",
                "eligibility.outside_territory",
                "eligibility.amount_above_maximum",
                "eligibility.duration_above_maximum",
            ],
            failures.Select(f => f.Code));
    }

    /// <summary>French formatting groups thousands with a (narrow) no-break space; compare on plain spaces.</summary>
    internal static string Normalised(string message) => message.Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
