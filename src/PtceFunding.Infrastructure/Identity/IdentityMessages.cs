using Microsoft.AspNetCore.Identity;

namespace PtceFunding.Infrastructure.Identity;

/// <summary>Turns Identity's errors into one French sentence.</summary>
internal static class IdentityMessages
{
    public static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => "Un compte existe déjà avec cette adresse électronique.",
            _ => e.Description,
        }));
}
