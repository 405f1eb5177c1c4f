using PtceFunding.Domain.Common;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Territories;

namespace PtceFunding.Domain.Tests.Organisations;

public sealed class OrganisationTests
{
    private static readonly PostalAddress Lyon = new("12 rue de la République", "69002", "Lyon", "69382");
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("73282932000074")]
    [InlineData("732 829 320 00074")]
    [InlineData("51203456700010")]
    public void A_siret_with_a_valid_luhn_key_is_accepted(string siret)
    {
        var parsed = Siret.Parse(siret);

        Assert.True(parsed.IsSuccess);
        Assert.Equal(14, parsed.Value.Value.Length);
        Assert.Equal(parsed.Value.Value[..9], parsed.Value.Siren);
    }

    [Fact]
    public void A_siret_with_a_wrong_key_is_refused_with_a_precise_message()
    {
        var parsed = Siret.Parse("73282932000075");

        Assert.False(parsed.IsSuccess);
        Assert.Contains("clé de contrôle", parsed.Error.FieldErrors["Siret"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7328293200007")]
    [InlineData("732829320000745")]
    [InlineData("7328293200007A")]
    [InlineData("")]
    public void A_siret_that_is_not_14_digits_is_refused(string siret)
    {
        Assert.Equal("Le SIRET doit comporter exactement 14 chiffres.", Siret.Parse(siret).Error!.FieldErrors["Siret"][0]);
    }

    [Fact]
    public void La_poste_establishments_pass_either_the_luhn_key_or_their_own_rule()
    {
        // Digits summing to a multiple of 5, Luhn key wrong: valid for La Poste only.
        Assert.True(Siret.Parse("35600000010000").IsSuccess);
        Assert.False(Siret.Luhn("35600000010000"));
        Assert.False(Siret.Parse("73282932010000").IsSuccess);
        // The Luhn key right, digits not summing to a multiple of 5: valid too (issue 14: INSEE numbered some this way).
        Assert.True(Siret.Parse("35600000000048").IsSuccess);
        Assert.True(Siret.Parse("35600000000014").IsSuccess);
        // Neither rule: refused.
        Assert.False(Siret.Parse("35600000000000").IsSuccess);
    }

    [Fact]
    public void Every_siret_built_with_its_luhn_key_is_accepted_and_any_single_wrong_digit_is_refused()
    {
        var random = new Random(20261207);
        for (var n = 0; n < 2_000; n++)
        {
            var body = string.Concat(Enumerable.Range(0, 13).Select(_ => (char)('0' + random.Next(10))));
            if (body.StartsWith("356000000", StringComparison.Ordinal))
            {
                continue;
            }

            var siret = body + Enumerable.Range(0, 10).Select(key => (char)('0' + key)).Single(key => Siret.Luhn(body + key));
            Assert.True(Siret.Parse(siret).IsSuccess, siret);

            var position = random.Next(14);
            var wrong = siret[..position] + (char)('0' + ((siret[position] - '0' + 1 + random.Next(9)) % 10)) + siret[(position + 1)..];
            Assert.False(Siret.Parse(wrong).IsSuccess, $"{siret} → {wrong}");
        }
    }

    [Fact]
    public void Every_la_poste_siret_passing_one_rule_or_the_other_is_accepted_and_one_passing_neither_is_refused()
    {
        var random = new Random(356);
        for (var n = 0; n < 2_000; n++)
        {
            var siret = "356000000" + string.Concat(Enumerable.Range(0, 5).Select(_ => (char)('0' + random.Next(10))));
            var expected = Siret.Luhn(siret) || siret.Sum(c => c - '0') % 5 == 0;
            Assert.Equal(expected, Siret.Parse(siret).IsSuccess);
        }
    }

    [Fact]
    public void Every_rna_number_of_w_and_nine_digits_is_accepted_and_anything_else_is_refused()
    {
        var random = new Random(1901);
        for (var n = 0; n < 1_000; n++)
        {
            var digits = string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + random.Next(10))));
            Assert.True(Rna.Parse("W" + digits).IsSuccess);
            Assert.False(Rna.Parse("W" + digits[..8]).IsSuccess);
            Assert.False(Rna.Parse((char)('A' + random.Next(22)) + digits).IsSuccess);
            Assert.False(Rna.Parse("W" + digits[..8] + (char)('A' + random.Next(26))).IsSuccess);
        }
    }

    [Theory]
    [InlineData("W751234567", true)]
    [InlineData("w691000123", true)]
    [InlineData("W75123456", false)]
    [InlineData("X751234567", false)]
    [InlineData("W75123456A", false)]
    public void An_rna_number_is_w_followed_by_nine_digits(string rna, bool valid)
    {
        Assert.Equal(valid, Rna.Parse(rna).IsSuccess);
    }

    [Theory]
    [InlineData("69382", "69", "84")]
    [InlineData("35238", "35", "53")]
    [InlineData("2A004", "2A", "94")]
    [InlineData("97411", "974", "04")]
    [InlineData("97611", "976", "06")]
    public void The_commune_code_locates_the_department_and_region(string commune, string department, string region)
    {
        Assert.Equal(department, FrenchDepartment.OfCommune(commune));
        Assert.Equal(region, FrenchDepartment.RegionOf(department));
    }

    [Fact]
    public void Every_department_belongs_to_a_known_region()
    {
        Assert.Equal(101, FrenchDepartment.All.Count);
        Assert.All(FrenchDepartment.All, d => Assert.NotNull(FrenchRegion.Find(FrenchDepartment.RegionOf(d))));
    }

    [Fact]
    public void An_organisation_is_located_in_the_region_of_its_commune()
    {
        var organisation = Organisation.Register(OrganisationId.New(), " Coopérative Rhône ", "73282932000074", null, LegalForm.Scic, true, Lyon, Now).Value;

        Assert.Equal("Coopérative Rhône", organisation.Name);
        Assert.Equal("69", organisation.DepartmentCode);
        Assert.Equal("84", organisation.RegionCode);
        Assert.Equal(Now.UtcDateTime, organisation.RegisteredAt);
    }

    [Fact]
    public void An_association_may_register_with_its_rna_number_only()
    {
        var association = Organisation.Register(OrganisationId.New(), "Les Jardins partagés", null, "w691000123", LegalForm.Association, true, Lyon, Now);

        Assert.Equal("W691000123", association.Value.Rna);
        Assert.Null(association.Value.Siret);
    }

    [Theory]
    [InlineData(null, null, LegalForm.Sas, "Siret")]
    [InlineData("73282932000075", null, LegalForm.Sas, "Siret")]
    [InlineData(null, "W691000123", LegalForm.Sarl, "Rna")]
    [InlineData(null, "W69100012", LegalForm.Association, "Rna")]
    public void An_organisation_without_a_valid_identifier_is_refused(string? siret, string? rna, LegalForm form, string field)
    {
        var result = Organisation.Register(OrganisationId.New(), "Structure", siret, rna, form, false, Lyon, Now);

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.True(result.Error.FieldErrors.ContainsKey(field));
    }

    [Fact]
    public void An_unknown_commune_code_is_refused()
    {
        var result = Organisation.Register(OrganisationId.New(), "Structure", "73282932000074", null, LegalForm.Sas, false, Lyon with { CommuneCode = "99123" }, Now);

        Assert.True(result.Error!.FieldErrors.ContainsKey("CommuneCode"));
    }
}

public sealed class OrganisationMembershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_request_waits_for_an_officer_then_is_verified_once()
    {
        var membership = OrganisationMembership.Request(OrganisationId.New(), Guid.NewGuid(), " Présidente de l'association ", Now);
        var officer = Guid.NewGuid();

        Assert.Equal(MembershipStatus.Pending, membership.Status);
        Assert.Equal("Présidente de l'association", membership.Justification);
        Assert.True(membership.Verify(officer, Now.AddDays(1)).IsSuccess);
        Assert.Equal(MembershipStatus.Verified, membership.Status);
        Assert.Equal(officer, membership.DecidedBy);
        Assert.Equal("membership.already_decided", membership.Reject(officer, "trop tard", Now).Error!.Code);
    }

    [Fact]
    public void A_refusal_needs_a_reason()
    {
        var membership = OrganisationMembership.Request(OrganisationId.New(), Guid.NewGuid(), "Directeur", Now);

        Assert.Equal(ErrorKind.Validation, membership.Reject(Guid.NewGuid(), " ", Now).Error!.Kind);
        Assert.Equal(MembershipStatus.Pending, membership.Status);
        Assert.True(membership.Reject(Guid.NewGuid(), "Mandat non fourni", Now).IsSuccess);
        Assert.Equal("Mandat non fourni", membership.DecisionReason);
    }
}
