using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace PtceFunding.Application.Pipeline;

/// <summary>
/// The rules every request obeys whatever its type, checked before its own validators (docs/adr/0031): no null element
/// in a collection and at most <see cref="MaxItems"/> of them; text of at most <see cref="MaxTextLength"/> characters
/// without control characters (tab, line feed and carriage return excepted); amounts of money (a decimal named
/// <c>…Amount</c>) from −<see cref="Money.Maximum"/> to <see cref="Money.Maximum"/> in cents, any other decimal within
/// ±10¹²; dates from <see cref="EarliestDate"/> to <see cref="LatestDate"/>. Nested records and lists are walked.
/// </summary>
public static class InputContract
{
    public const int MaxTextLength = 20_000;

    public const int MaxItems = 2_000;

    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    private const decimal MaxNumber = 1_000_000_000_000m;

    private const int MaxDepth = 8;

    private static readonly ConcurrentDictionary<Type, Inspected[]> Properties = new();

    /// <summary>Text the platform stores: at most <paramref name="maxLength"/> characters, no control character but tab and line breaks.</summary>
    public static bool IsAcceptableText(string? text, int maxLength = MaxTextLength) =>
        text is null || (text.Length <= maxLength && !text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')));

    internal static List<ValidationFailure> Check(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var failures = new List<ValidationFailure>();
        Walk(request, "", 0, failures);
        return failures;
    }

    private static void Walk(object value, string path, int depth, List<ValidationFailure> failures)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var (property, required) in Properties.GetOrAdd(value.GetType(), Inspectable))
        {
            var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var propertyValue = property.GetValue(value);
            if (propertyValue is null && required)
            {
                // A reference the type does not declare nullable: missing from the body, or sent as null.
                failures.Add(new(name, "Ce champ est obligatoire."));
                continue;
            }

            CheckValue(propertyValue, name, property.Name, depth, failures);
        }
    }

    private static void CheckValue(object? value, string path, string name, int depth, List<ValidationFailure> failures)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                CheckText(text, path, failures);
                return;
            case decimal number:
                CheckNumber(number, path, name, failures);
                return;
            case DateOnly or DateTime or DateTimeOffset when OutsideWindow(value):
                failures.Add(new(path, $"La date est comprise entre le {EarliestDate:dd/MM/yyyy} et le {LatestDate:dd/MM/yyyy}."));
                return;
            case Stream or byte[]:
                return;
            case IEnumerable items when value.GetType() is var type && !IsDictionary(type):
                CheckItems(items, path, depth, failures);
                return;
            default:
                if (IsOwnModel(value.GetType()))
                {
                    Walk(value, path, depth + 1, failures);
                }

                return;
        }
    }

    private static bool OutsideWindow(object value)
    {
        var day = value switch
        {
            DateOnly date => date,
            DateTime instant => DateOnly.FromDateTime(instant),
            DateTimeOffset offset => DateOnly.FromDateTime(offset.UtcDateTime),
            _ => EarliestDate,
        };
        return day < EarliestDate || day > LatestDate;
    }

    private static void CheckItems(IEnumerable items, string path, int depth, List<ValidationFailure> failures)
    {
        var index = 0;
        foreach (var item in items)
        {
            if (index == MaxItems)
            {
                failures.Add(new(path, $"Au plus {MaxItems} éléments."));
                return;
            }

            var itemPath = $"{path}[{index}]";
            if (item is null)
            {
                failures.Add(new(itemPath, "Un élément de la liste est vide (null)."));
            }
            else
            {
                CheckValue(item, itemPath, path, depth + 1, failures);
            }

            index++;
        }
    }

    private static void CheckText(string text, string path, List<ValidationFailure> failures)
    {
        if (text.Length > MaxTextLength)
        {
            failures.Add(new(path, $"Au plus {MaxTextLength:N0} caractères.".Replace(',', ' ')));
            return;
        }

        if (!IsAcceptableText(text))
        {
            failures.Add(new(path, "Le texte contient des caractères de contrôle (invisibles) qui ne sont pas acceptés."));
        }
    }

    private static void CheckNumber(decimal number, string path, string name, List<ValidationFailure> failures)
    {
        if (name.EndsWith("Amount", StringComparison.Ordinal))
        {
            if (!Money.IsValidAmount(Math.Abs(number)))
            {
                failures.Add(new(path, $"Un montant est en euros et centimes, d'au plus {Money.Format(Money.Maximum)}."));
            }
        }
        else if (Math.Abs(number) > MaxNumber)
        {
            failures.Add(new(path, "Ce nombre est hors des bornes acceptées."));
        }
    }

    /// <summary>
    /// The properties a request carries (those it is built with: settable or init-only, not the ones computed from them),
    /// each with whether it must hold a value (a non-nullable reference).
    /// </summary>
    private static Inspected[] Inspectable(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.SetMethod is not null && p.GetIndexParameters().Length == 0)
            .Select(p => new Inspected(p, !p.PropertyType.IsValueType && nullability.Create(p).ReadState == NullabilityState.NotNull))];
    }

    private readonly record struct Inspected(PropertyInfo Property, bool Required);

    /// <summary>The platform's own records (requests and their parts), walked; framework types are not.</summary>
    private static bool IsOwnModel(Type type) =>
        type.Namespace?.StartsWith("PtceFunding.", StringComparison.Ordinal) == true && !type.IsEnum && !type.IsPrimitive;

    private static bool IsDictionary(Type type) => type.IsAssignableTo(typeof(IDictionary));
}
