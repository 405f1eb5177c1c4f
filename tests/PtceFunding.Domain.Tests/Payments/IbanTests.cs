using PtceFunding.Domain.Payments;

namespace PtceFunding.Domain.Tests.Payments;

public sealed class IbanTests
{
    [Theory]
    [InlineData("FR7630006000011234567890189", "FR")]
    [InlineData("DE89370400440532013000", "DE")]
    [InlineData("BE68539007547034", "BE")]
    [InlineData("NL91ABNA0417164300", "NL")]
    [InlineData("IT60X0542811101000000123456", "IT")]
    public void A_valid_iban_of_a_sepa_country_is_accepted(string iban, string country)
    {
        var parsed = Iban.Parse(iban);

        Assert.True(parsed.IsSuccess, parsed.Error?.Message);
        Assert.Equal(iban, parsed.Value.Value);
        Assert.Equal(country, parsed.Value.CountryCode);
    }

    [Theory]
    [InlineData("fr76 3000 6000 0112 3456 7890 189")]
    [InlineData("  FR76 3000 6000 0112 3456 7890 189 ")]
    [InlineData("Fr7630006000011234567890189")]
    public void Lower_case_and_spaces_are_accepted_and_normalised(string iban)
    {
        var parsed = Iban.Parse(iban);

        Assert.True(parsed.IsSuccess, parsed.Error?.Message);
        Assert.Equal("FR7630006000011234567890189", parsed.Value.Value);
        Assert.Equal("FR76 3000 6000 0112 3456 7890 189", parsed.Value.Formatted);
    }

    [Theory]
    [InlineData("FR7630006000011234567890188")]
    [InlineData("FR7730006000011234567890189")]
    [InlineData("DE89370400440532013001")]
    [InlineData("BE68539007547043")]
    public void An_iban_with_a_wrong_key_is_refused_with_a_precise_french_message(string iban)
    {
        var parsed = Iban.Parse(iban);

        Assert.False(parsed.IsSuccess);
        Assert.Equal("bank_details.iban_invalid", parsed.Error.Code);
        Assert.Contains("clé de contrôle", parsed.Error.FieldErrors["Iban"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FR763000600001123456789018", 26)]
    [InlineData("FR76300060000112345678901890", 28)]
    [InlineData("DE8937040044053201300", 21)]
    public void An_iban_of_the_wrong_length_for_its_country_is_refused(string iban, int length)
    {
        var parsed = Iban.Parse(iban);

        Assert.False(parsed.IsSuccess);
        Assert.Equal("bank_details.iban_invalid", parsed.Error.Code);
        Assert.Contains($"en compte {length}", parsed.Error.FieldErrors["Iban"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("7630006000011234567890189")]
    [InlineData("FR76-3000-6000-0112-3456-7890-189")]
    [InlineData("US12345678901234567890")]
    public void Malformed_or_non_sepa_ibans_are_refused(string? iban)
    {
        var parsed = Iban.Parse(iban);

        Assert.False(parsed.IsSuccess);
        Assert.Equal("bank_details.iban_invalid", parsed.Error.Code);
        Assert.NotEmpty(parsed.Error.FieldErrors["Iban"][0]);
    }

    [Fact]
    public void The_masked_form_shows_only_the_country_the_key_and_the_last_four_characters()
    {
        var iban = Iban.Parse("FR7630006000011234567890189").Value;

        Assert.Equal("FR76 •••• •••• •••• •••• •••0 189", iban.Masked);
        Assert.DoesNotContain("3000", iban.Masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AGRIFRPP", "FR")]
    [InlineData("ccopfrpp", "FR")]
    [InlineData("CCOPFRPPXXX", "FR")]
    [InlineData("DEUT DE FF 500", "DE")]
    public void A_bic_of_8_or_11_characters_is_accepted(string bic, string country)
    {
        var parsed = Bic.Parse(bic);

        Assert.True(parsed.IsSuccess, parsed.Error?.Message);
        Assert.Equal(country, parsed.Value.CountryCode);
        Assert.Equal(bic.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), parsed.Value.Value);
    }

    [Theory]
    [InlineData("AGRIFRP")]
    [InlineData("AGRIFRPPX")]
    [InlineData("AGRIFRPPXXXX")]
    [InlineData("AGR1FRPP")]
    [InlineData("AGRIF1PP")]
    [InlineData("AGRIFRP-")]
    [InlineData("")]
    public void A_bic_not_following_iso_9362_is_refused(string bic)
    {
        var parsed = Bic.Parse(bic);

        Assert.False(parsed.IsSuccess);
        Assert.Equal("bank_details.bic_invalid", parsed.Error.Code);
        Assert.Contains("8 ou 11 caractères", parsed.Error.FieldErrors["Bic"][0], StringComparison.Ordinal);
    }
}
