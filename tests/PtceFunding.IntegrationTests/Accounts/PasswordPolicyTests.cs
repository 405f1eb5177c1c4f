using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.IntegrationTests.Accounts;

/// <summary>ASVS V2.1: length only, no composition rule; common and personal passwords refused, in French.</summary>
public sealed class PasswordPolicyTests
{
    private const string Email = "claire.martin@coop-lyonnais.fr";
    private const string Name = "Élodie Durand";

    [Theory]
    [InlineData("jardin potager du lundi")] // letters and spaces only: no composition rule
    [InlineData("douze lettres")]
    [InlineData("1 chat 2 chiens 3 poules")]
    [InlineData("Test-Ptce-2026!")]
    public void A_long_enough_uncommon_password_is_accepted_whatever_its_characters(string password) =>
        Assert.Null(PasswordPolicy.Problem(password, Email, Name));

    [Fact]
    public void Length_counts_characters_from_12_to_128()
    {
        Assert.Equal("Le mot de passe doit contenir au moins 12 caractères.", PasswordPolicy.Problem("onze lettre", Email, Name));
        Assert.Null(PasswordPolicy.Problem("🌻🌻🌻 tournesols", Email, Name));
        Assert.Null(PasswordPolicy.Problem(Phrase(128), Email, Name));
        Assert.Equal("Le mot de passe ne peut dépasser 128 caractères.", PasswordPolicy.Problem(Phrase(129), Email, Name));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234!")]
    [InlineData("qwertyuiop12")]
    [InlineData("Motdepasse2026!")]
    [InlineData("AZERTYUIOP-2027")]
    [InlineData("PtceFunding2026!")]
    [InlineData("aaaaaaaaaaaaaaa")]
    [InlineData("abababababab")]
    public void A_common_password_or_one_dressed_up_with_digits_and_symbols_is_refused(string password) =>
        Assert.Equal("Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase de plusieurs mots.", PasswordPolicy.Problem(password, Email, Name));

    [Theory]
    [InlineData("claire.martin@coop-lyonnais.fr")]
    [InlineData("martin et ses abeilles")]
    [InlineData("ma-cle-claire-1987")]
    [InlineData("elodie aime le velo")] // "Élodie" without its accent
    [InlineData("DURAND famille 2026")]
    public void A_password_holding_the_address_or_the_name_is_refused(string password) =>
        Assert.Equal("Le mot de passe ne doit contenir ni votre adresse électronique ni votre nom.", PasswordPolicy.Problem(password, Email, Name));

    private static string Phrase(int length) => string.Concat(Enumerable.Repeat("les tilleuls en fleur ", 10))[..length];
}
