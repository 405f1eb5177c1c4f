using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace PtceFunding.Web.Presentation;

/// <summary>How the pages read what is typed in their forms, and say in French what they cannot read.</summary>
public static class FrenchModelBinding
{
    public static void Configure(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ModelBinderProviders.Insert(0, new FrenchModelBinderProvider());
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"« {value} » n'est pas une valeur valide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"« {value} » n'est pas une valeur valide.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetValueIsInvalidAccessor(value => $"« {value} » n'est pas une valeur valide.");
        messages.SetValueMustBeANumberAccessor(_ => "Ce champ attend un nombre.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Ce champ attend un nombre.");
        messages.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Ce champ est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
    }
}

/// <summary>Reading the binders' errors back in a page model.</summary>
public static class ModelStateErrors
{
    /// <summary>The first error on a field (a form field or a handler parameter), if any.</summary>
    public static string? FirstError(this ModelStateDictionary modelState, string field)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }
}

/// <summary>Marks a decimal form field holding an amount in euros: an unreadable value is then reported as such.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EurosAttribute : Attribute;

/// <summary>
/// Binds the decimal and date fields of every page the French way, so that page models receive typed values:
/// "12 345,67", "12345.67", "12 345,67 €" or "40 %" (any kind of space, no-break included) and "30/06/2028" or
/// "2028-06-30" (what a date input sends). An empty field is no value; an unreadable one is a model-state error in French.
/// Registered once in <c>ServiceRegistration</c>; the JSON API does not go through it.
/// </summary>
public sealed class FrenchModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(decimal) ? new FrenchDecimalModelBinder()
            : type == typeof(DateOnly) ? new FrenchDateModelBinder()
            : type == typeof(bool) ? new CheckboxModelBinder()
            : null;
    }
}

/// <summary>Reads a number typed the French or the international way.</summary>
public sealed class FrenchDecimalModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        FrenchInput.Bind(bindingContext, text => TryParse(text, out var value) ? value : null, () =>
            IsEuros(bindingContext.ModelMetadata) ? "n'est pas un montant en euros (par exemple 12 345,67)" : "n'est pas un nombre (par exemple 12,5)");
        return Task.CompletedTask;
    }

    /// <summary>"12 345,67", "12345.67", "12 345,67 €", "-3,5", "40 %".</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // char.IsWhiteSpace covers the no-break and narrow no-break spaces French formatting uses.
        var cleaned = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c is not '€' and not '%')]).Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsEuros(ModelMetadata metadata) =>
        metadata is DefaultModelMetadata { Attributes: var attributes }
        && (attributes.PropertyAttributes ?? attributes.ParameterAttributes ?? []).OfType<EurosAttribute>().Any();
}

/// <summary>
/// Reads a check box ("true", "false", or "true,false" when the hidden field follows it). Anything else is refused
/// without being kept as the field's attempted value: a check box re-rendered from an unreadable value would throw.
/// </summary>
public sealed class CheckboxModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        if (bool.TryParse(result.FirstValue, out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, false, "false");
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Cette case se coche ou se décoche.");
        }

        return Task.CompletedTask;
    }
}

/// <summary>Reads a date typed as 30/06/2028 or sent by a date input as 2028-06-30.</summary>
public sealed class FrenchDateModelBinder : IModelBinder
{
    private static readonly string[] Patterns = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        FrenchInput.Bind(bindingContext, text => TryParse(text, out var date) ? date : null, () => "n'est pas une date au format jj/mm/aaaa");
        return Task.CompletedTask;
    }

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        return !string.IsNullOrWhiteSpace(text)
            && DateOnly.TryParseExact(text.Trim(), Patterns, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}

internal static class FrenchInput
{
    public static void Bind(ModelBindingContext context, Func<string, object?> parse, Func<string> unreadable)
    {
        var result = context.ValueProvider.GetValue(context.ModelName);
        if (result == ValueProviderResult.None)
        {
            return;
        }

        context.ModelState.SetModelValue(context.ModelName, result);
        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // No value: null for an optional field; a required one says so through its own validation.
            if (context.ModelMetadata.IsReferenceOrNullableType)
            {
                context.Result = ModelBindingResult.Success(null);
            }

            return;
        }

        if (parse(text) is { } value)
        {
            context.Result = ModelBindingResult.Success(value);
            return;
        }

        context.ModelState.TryAddModelError(context.ModelName, $"« {text.Trim()} » {unreadable()}.");
        if (context.ModelMetadata.IsReferenceOrNullableType)
        {
            // An optional field read as empty, with its error: a list of them still binds its next rows.
            context.Result = ModelBindingResult.Success(null);
        }
    }
}
