using Microsoft.AspNetCore.Identity;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>Turns Identity's errors into one French sentence.</summary>
internal static class IdentityMessages
{
    public static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => "Le mot de passe doit contenir au moins 12 caractères.",
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "Le mot de passe doit contenir un chiffre.",
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => "Le mot de passe doit contenir une minuscule.",
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "Le mot de passe doit contenir une majuscule.",
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "Le mot de passe doit contenir un caractère spécial.",
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "Le mot de passe doit contenir plus de caractères différents.",
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => "Un compte existe déjà avec cette adresse électronique.",
            _ => e.Description,
        }));
}
