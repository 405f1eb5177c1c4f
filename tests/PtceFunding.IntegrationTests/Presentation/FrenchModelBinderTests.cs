using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;
using PtceFunding.Web.Pages.Portail.Candidatures;
using PtceFunding.Web.Presentation;

namespace PtceFunding.IntegrationTests.Presentation;

/// <summary>The pages read numbers and dates the way French users type them, and say in French what they cannot read.</summary>
public sealed class FrenchModelBinderTests
{
    private static readonly EmptyModelMetadataProvider Metadata = new();

    [Theory]
    [InlineData("12 345,67", "12345.67")]
    [InlineData("12\u00a0345,67", "12345.67")] // no-break space
    [InlineData("12\u202f345,67 €", "12345.67")] // narrow no-break space, as Formats.Money writes it
    [InlineData("12345.67", "12345.67")]
    [InlineData("-3,5", "-3.5")]
    [InlineData("40 %", "40")]
    public async Task A_number_is_read_the_French_or_the_international_way(string typed, string expected)
    {
        var (result, state) = await Bind<decimal?>(new FrenchDecimalModelBinder(), typed);

        Assert.True(result.IsModelSet);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), result.Model);
        Assert.Equal(0, state.ErrorCount);
    }

    [Theory]
    [InlineData("trente mille")]
    [InlineData("12,345,67")]
    [InlineData("1e5")]
    public async Task An_unreadable_number_is_a_French_error_on_its_field(string typed)
    {
        var (result, state) = await Bind<decimal?>(new FrenchDecimalModelBinder(), typed);

        Assert.Null(result.Model);
        Assert.Equal(1, state.ErrorCount);
        Assert.Equal($"« {typed} » n'est pas un nombre (par exemple 12,5).", Assert.Single(state["Field"]!.Errors).ErrorMessage);
        Assert.Equal(typed, state["Field"]!.AttemptedValue);
    }

    [Fact]
    public async Task An_unreadable_amount_in_euros_says_so()
    {
        var amount = Metadata.GetMetadataForProperty(typeof(ExpenseRow), nameof(ExpenseRow.Amount));

        var (_, state) = await Bind<decimal?>(new FrenchDecimalModelBinder(), "trente mille", amount);

        Assert.Equal("« trente mille » n'est pas un montant en euros (par exemple 12 345,67).", Assert.Single(state["Field"]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task An_empty_field_is_no_value_and_no_error()
    {
        var (result, state) = await Bind<decimal?>(new FrenchDecimalModelBinder(), "  ");

        Assert.True(result.IsModelSet);
        Assert.Null(result.Model);
        Assert.Equal(0, state.ErrorCount);
    }

    [Theory]
    [InlineData("30/06/2028")]
    [InlineData("2028-06-30")]
    [InlineData(" 30/6/2028 ")]
    public async Task A_date_is_read_as_typed_or_as_a_date_input_sends_it(string typed)
    {
        var (result, state) = await Bind<DateOnly?>(new FrenchDateModelBinder(), typed);

        Assert.Equal(new DateOnly(2028, 6, 30), result.Model);
        Assert.Equal(0, state.ErrorCount);
    }

    [Theory]
    [InlineData("31/02/2028")]
    [InlineData("06/30/2028")]
    [InlineData("demain")]
    public async Task An_unreadable_date_is_a_French_error(string typed)
    {
        var (result, state) = await Bind<DateOnly?>(new FrenchDateModelBinder(), typed);

        Assert.Null(result.Model);
        Assert.Equal($"« {typed} » n'est pas une date au format jj/mm/aaaa.", Assert.Single(state["Field"]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task A_required_number_left_empty_is_not_invented()
    {
        var (result, state) = await Bind<decimal>(new FrenchDecimalModelBinder(), "");

        Assert.False(result.IsModelSet);
        Assert.Equal(0, state.ErrorCount);
    }

    [Fact]
    public void The_provider_binds_decimals_and_dates_and_leaves_the_rest()
    {
        var provider = new FrenchModelBinderProvider();

        Assert.IsType<FrenchDecimalModelBinder>(provider.GetBinder(new Context(Metadata.GetMetadataForType(typeof(decimal?)))));
        Assert.IsType<FrenchDecimalModelBinder>(provider.GetBinder(new Context(Metadata.GetMetadataForType(typeof(decimal)))));
        Assert.IsType<FrenchDateModelBinder>(provider.GetBinder(new Context(Metadata.GetMetadataForType(typeof(DateOnly?)))));
        Assert.Null(provider.GetBinder(new Context(Metadata.GetMetadataForType(typeof(int)))));
        Assert.Null(provider.GetBinder(new Context(Metadata.GetMetadataForType(typeof(DateTime)))));
    }

    private static async Task<(ModelBindingResult Result, ModelStateDictionary State)> Bind<T>(IModelBinder binder, string typed, ModelMetadata? metadata = null)
    {
        var state = new ModelStateDictionary();
        var context = new DefaultModelBindingContext
        {
            ModelName = "Field",
            ModelMetadata = metadata ?? Metadata.GetMetadataForType(typeof(T)),
            ModelState = state,
            ValueProvider = new SimpleValueProvider(new Dictionary<string, StringValues> { ["Field"] = typed }),
        };
        await binder.BindModelAsync(context);
        return (context.Result, state);
    }

    private sealed class SimpleValueProvider(Dictionary<string, StringValues> values) : IValueProvider
    {
        public bool ContainsPrefix(string prefix) => values.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));

        public ValueProviderResult GetValue(string key) => values.TryGetValue(key, out var value) ? new ValueProviderResult(value, CultureInfo.InvariantCulture) : ValueProviderResult.None;
    }

    private sealed class Context(ModelMetadata metadata) : ModelBinderProviderContext
    {
        public override BindingInfo BindingInfo { get; } = new();

        public override ModelMetadata Metadata { get; } = metadata;

        public override IModelMetadataProvider MetadataProvider { get; } = FrenchModelBinderTests.Metadata;

        public override IModelBinder CreateBinder(ModelMetadata metadata) => throw new NotSupportedException();
    }
}
