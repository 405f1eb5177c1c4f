using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>
/// What makes a password acceptable (ASVS 4.0 V2.1, NIST SP 800-63B): 12 to 128 characters, any characters, no
/// composition rule; not one of the most common passwords shipped in <c>common-passwords.txt</c> (~49,000, from breach
/// corpora), nor one of them or a word of this service dressed up with digits and symbols ("Motdepasse2026!"); and it
/// does not contain the account's e-mail address, the part before the @ or a part of the person's name.
/// </summary>
internal sealed class PasswordPolicy : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    /// <summary>Words of this service and of French passwords that the breach corpora, mostly English, miss.</summary>
    private static readonly string[] ContextWords =
    [
        "ptce", "ptcefunding", "motdepasse", "azerty", "azertyuiop", "soleil", "bonjour", "marseille", "france", "paris",
        "republique", "marianne", "dreets", "region", "subvention", "convention", "consortium", "cooperation", "economie",
    ];

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(Problem(password ?? "", user.Email, user.DisplayName) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = nameof(PasswordPolicy), Description = problem })
            : IdentityResult.Success);
    }

    /// <summary>Why <paramref name="password"/> is refused for the account of <paramref name="email"/> and <paramref name="name"/>, in French; null when it is acceptable.</summary>
    public static string? Problem(string password, string? email, string? name)
    {
        ArgumentNullException.ThrowIfNull(password);
        var length = password.EnumerateRunes().Count();
        if (length < MinimumLength)
        {
            return $"Le mot de passe doit contenir au moins {MinimumLength} caractères.";
        }

        if (length > MaximumLength)
        {
            return $"Le mot de passe ne peut dépasser {MaximumLength} caractères.";
        }

        var lower = Fold(password);
        var stem = new string([.. lower.Where(char.IsLetter)]);
        if (Common.Value.Contains(lower) || Common.Value.Contains(stem) || ContextWords.Contains(stem) || IsOneRepeatedCharacter(lower))
        {
            return "Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase de plusieurs mots.";
        }

        return PersonalParts(email, name).Any(part => lower.Contains(part, StringComparison.Ordinal))
            ? "Le mot de passe ne doit contenir ni votre adresse électronique ni votre nom."
            : null;
    }

    private static bool IsOneRepeatedCharacter(string password) => password.Distinct().Count() <= 2;

    private static IEnumerable<string> PersonalParts(string? email, string? name)
    {
        var local = email?.Split('@')[0];
        var parts = new[] { Fold(email ?? ""), Fold(local ?? "") }
            .Concat(Fold(name ?? "").Split([' ', '-', '\'', '.'], StringSplitOptions.RemoveEmptyEntries))
            .Concat(Fold(local ?? "").Split(['.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries));
        return parts.Where(p => p.Length >= 4).Distinct();
    }

    /// <summary>Lower case without accents: "Élodie" and "elodie" are the same name.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]).Normalize(NormalizationForm.FormC);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("PtceFunding.Infrastructure.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                passwords.Add(line);
            }
        }

        return passwords;
    }
}
