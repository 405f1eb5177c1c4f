using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Tests.Builders;

namespace PtceFunding.Domain.Tests.Applications;

public sealed class FinancingPlanTests
{
    private static readonly FinancingPlan Balanced = ApplicationBuilder.BalancedPlan;

    [Fact]
    public void A_plan_balanced_each_year_has_no_failure()
    {
        Assert.Empty(Balanced.Failures(2));
        Assert.Equal(80_000m, Balanced.ExpensesOf(2));
        Assert.Equal(80_000m, Balanced.ResourcesOf(2));
    }

    [Fact]
    public void A_plan_balanced_over_two_years_but_not_each_year_is_refused()
    {
        // 10 000 € of own revenue moved from year 2 to year 1: the totals still match.
        var plan = Balanced with
        {
            Resources = [.. Balanced.Resources.Where(r => r.Source != ResourceSource.OwnRevenue), new(1, ResourceSource.OwnRevenue, 25_000m), new(2, ResourceSource.OwnRevenue, 5_000m)],
        };

        Assert.Equal(["plan.unbalanced", "plan.unbalanced"], plan.Failures(2).Select(f => f.Code));
    }

    [Fact]
    public void A_one_cent_imbalance_in_year_two_is_refused_naming_the_year_and_both_amounts()
    {
        var plan = Balanced with
        {
            Resources = [.. Balanced.Resources.Where(r => !(r.Year == 2 && r.Source == ResourceSource.OwnRevenue)), new(2, ResourceSource.OwnRevenue, 14_999.99m)],
        };

        var failure = Assert.Single(plan.Failures(2));
        Assert.Equal("plan.unbalanced", failure.Code);
        var message = EligibilityTests.Normalised(failure.Message);
        Assert.Contains("l'année 2", message, StringComparison.Ordinal);
        Assert.Contains("80 000,00 € de dépenses", message, StringComparison.Ordinal);
        Assert.Contains("79 999,99 € de ressources", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unbalanced_plan_keeps_an_application_from_being_submitted()
    {
        var plan = Balanced with { Resources = [.. Balanced.Resources.Skip(1), new(1, ResourceSource.State, 40_000.01m, CallBuilder.State)] };
        var draft = new ApplicationBuilder(new CallBuilder().Build())
            .WithPlan(plan)
            .Requesting(new(CallBuilder.State, 80_000.01m), new(CallBuilder.Region, 50_000m))
            .Build();

        var failure = Assert.Single(draft.Failures());
        Assert.Equal("plan.unbalanced", failure.Code);
        Assert.Contains("l'année 1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_for_a_year_outside_the_project_duration_are_refused()
    {
        var plan = Balanced with { Expenses = [.. Balanced.Expenses, new(3, ExpenseCategory.Staff, 1_000m)] };

        var failure = Assert.Single(plan.Failures(2));
        Assert.Equal("plan.year_outside_project", failure.Code);
        Assert.Contains("l'année 3", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_for_two_years_is_outside_a_one_year_project()
    {
        Assert.Equal(["plan.year_outside_project"], Balanced.Failures(1).Select(f => f.Code));
    }

    [Fact]
    public void A_project_year_without_expenses_is_refused()
    {
        var failure = Assert.Single(Balanced.Failures(3));
        Assert.Equal("plan.year_without_expenses", failure.Code);
        Assert.Contains("L'année 3", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_with_resources_but_no_expenses_is_reported_as_without_expenses()
    {
        var plan = Balanced with { Expenses = [.. Balanced.Expenses.Where(e => e.Year == 1)] };

        Assert.Equal(["plan.year_without_expenses"], plan.Failures(2).Select(f => f.Code));
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("10.005")]
    [InlineData("0.001")]
    public void Negative_or_sub_cent_amounts_are_refused(string amount)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var withExpense = Balanced with { Expenses = [.. Balanced.Expenses, new(1, ExpenseCategory.Purchases, value)] };
        var withResource = Balanced with { Resources = [.. Balanced.Resources, new(1, ResourceSource.Other, value)] };

        Assert.Equal("validation", withExpense.CheckAmounts().Error?.Code);
        Assert.Equal("validation", withResource.CheckAmounts().Error?.Code);
        Assert.Contains("Plan", withExpense.CheckAmounts().Error!.FieldErrors.Keys);
    }

    [Fact]
    public void Amounts_in_euros_and_cents_including_zero_are_accepted()
    {
        var plan = Balanced with { Expenses = [.. Balanced.Expenses, new(1, ExpenseCategory.Taxes, 0m), new(1, ExpenseCategory.Taxes, 12.30m)] };

        Assert.True(plan.CheckAmounts().IsSuccess);
    }

    [Fact]
    public void The_application_refuses_a_plan_with_a_sub_cent_amount_and_keeps_the_previous_one()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).Build();
        var plan = Balanced with { Expenses = [.. Balanced.Expenses, new(1, ExpenseCategory.Purchases, 0.005m)] };

        var result = draft.Application.PlanFinancing(plan, draft.Application.RequestedAmounts);

        Assert.Equal("validation", result.Error?.Code);
        Assert.Same(Balanced, draft.Application.Plan);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("10.001")]
    public void A_negative_or_sub_cent_requested_amount_is_refused(string amount)
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).Build();

        var result = draft.Application.PlanFinancing(Balanced, [new(CallBuilder.State, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Contains("RequestedAmounts", result.Error!.FieldErrors.Keys);
    }

    [Fact]
    public void Asking_the_same_funder_twice_is_refused()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build()).Build();

        var result = draft.Application.PlanFinancing(Balanced, [new(CallBuilder.State, 40_000m), new(CallBuilder.State, 40_000m)]);

        Assert.Contains("RequestedAmounts", result.Error!.FieldErrors.Keys);
    }

    [Fact]
    public void A_requested_amount_that_differs_from_the_plan_resources_of_that_funder_is_refused()
    {
        var draft = new ApplicationBuilder(new CallBuilder().Build())
            .Requesting(new(CallBuilder.State, 90_000m), new(CallBuilder.Region, 50_000m))
            .Build();

        var failure = Assert.Single(draft.Failures());
        Assert.Equal("application.amount_not_in_plan", failure.Code);
        var message = EligibilityTests.Normalised(failure.Message);
        Assert.Contains("90 000,00 €", message, StringComparison.Ordinal);
        Assert.Contains("80 000,00 €", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_a_funder_that_does_not_fund_the_call_is_refused()
    {
        var stranger = FunderId.New();
        var plan = Balanced with
        {
            Resources = [.. Balanced.Resources.Where(r => r.FunderId != CallBuilder.Region), new(1, ResourceSource.Region, 25_000m, stranger), new(2, ResourceSource.Region, 25_000m, stranger)],
        };
        var draft = new ApplicationBuilder(new CallBuilder().Build())
            .WithPlan(plan)
            .Requesting(new(CallBuilder.State, 80_000m), new(stranger, 50_000m))
            .Build();

        Assert.Equal(["application.funder_not_in_call"], draft.FailureCodes());
    }

    [Fact]
    public void An_application_asking_nothing_is_refused()
    {
        var plan = Balanced with { Resources = [new(1, ResourceSource.OwnRevenue, 80_000m), new(2, ResourceSource.OwnRevenue, 80_000m)] };
        var draft = new ApplicationBuilder(new CallBuilder().Build()).WithPlan(plan).Requesting().Build();

        Assert.Equal(["application.amount_missing"], draft.FailureCodes());
    }

    [Fact]
    public void A_plan_counting_on_a_call_funder_that_is_not_asked_anything_is_refused()
    {
        // The plan expects 50 000 € from the Region, but only the State is asked: the total requested
        // would otherwise understate what the consortium counts on (and slip under the call's maximum).
        var draft = new ApplicationBuilder(new CallBuilder().Build())
            .Requesting(new RequestedAmount(CallBuilder.State, 80_000m))
            .Build();

        var failure = Assert.Single(draft.Failures());
        Assert.Equal("application.amount_not_in_plan", failure.Code);
        Assert.Contains("50 000,00 €", EligibilityTests.Normalised(failure.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_counting_on_a_funder_outside_the_call_is_refused()
    {
        var stranger = FunderId.New();
        var plan = Balanced with
        {
            Resources = [.. Balanced.Resources.Where(r => r.Source != ResourceSource.OwnRevenue), new(1, ResourceSource.Region, 15_000m, stranger), new(2, ResourceSource.Region, 15_000m, stranger)],
        };
        var draft = new ApplicationBuilder(new CallBuilder().Build()).WithPlan(plan).Build();

        Assert.Equal(["application.funder_not_in_call"], draft.FailureCodes());
    }

    [Fact]
    public void Money_is_formatted_the_french_way()
    {
        Assert.Equal("12 345,67 €", EligibilityTests.Normalised(Money.Format(12_345.67m)));
    }
}
