using System.Text;
using PtceFunding.Infrastructure.Persistence;

namespace PtceFunding.Infrastructure.Seeding;

/// <summary>The organisations of the demo consortia and the users acting for them.</summary>
internal sealed record DemoConsortia(
    Organisation Cooperative, Organisation Gardens, Organisation Joinery, Organisation ArmorScop, Guid Paula, Guid Jules, Guid Yann);

/// <summary>The staff who review the demo applications and handle the payments of their agreements.</summary>
internal sealed record DemoStaff(Guid Officer, Guid BrittanyOfficer, Guid Reviewer, Guid CommitteeMember, Guid Finance);

/// <summary>
/// The demo programme and calls — a permanent call with quarterly sessions, a fixed-window regional
/// call, a call in preparation — and applications in every state, with real documents in the file store.
/// </summary>
internal sealed class DemoFunding(PtceDbContext db, IFileStore files)
{
    public const string Emerging = "PTCE émergent";
    public const string Consolidating = "PTCE en consolidation";

    public static readonly CallId PermanentCall = new(Guid.Parse("0196a000-0002-7000-8000-000000000001"));
    public static readonly CallId BrittanyCall = new(Guid.Parse("0196a000-0002-7000-8000-000000000002"));

    public static CallRules PermanentRules { get; } = new(
        new EligibilityRules(EssRequired: true, MinimumMembers: 2, AllowedLegalForms: [], RegionCodes: [], MaximumAmount: 300_000m, MaximumDurationYears: 4),
        [
            new RequiredDocument("statuts", "Statuts du chef de file"),
            new RequiredDocument("budget", "Budget prévisionnel du projet"),
            new RequiredDocument("accord", "Accord de consortium signé"),
        ],
        [
            new IndicatorDefinition("emplois", "Emplois créés ou maintenus", "ETP"),
            new IndicatorDefinition("membres", "Structures membres du pôle", "structures"),
            new IndicatorDefinition("ressources-propres", "Part des ressources propres", "%"),
        ],
        [
            new ScoringCriterion("ancrage", "Ancrage territorial et coopération", 30m, 5),
            new ScoringCriterion("modele", "Modèle économique et ressources propres", 25m, 5),
            new ScoringCriterion("gouvernance", "Gouvernance partagée", 25m, 5),
            new ScoringCriterion("impact", "Impact social et environnemental", 20m, 5),
        ]);

    public async Task Seed(DemoConsortia people, DemoStaff staff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var programme = Programme.Create(ProgrammeId.New(), "Pôles territoriaux de coopération économique (PTCE)", "Soutien de l'État et des Régions aux PTCE : amorçage, consolidation et développement.", now);
        db.Programmes.Add(programme);

        var permanent = Call.Draft(
            PermanentCall,
            programme.Id,
            new CallDetails(
                "AMI permanent PTCE",
                "Appel à manifestation d'intérêt permanent : les candidatures sont reçues à tout moment et examinées par le comité de sélection de la session suivant leur dépôt.",
                CallMode.Continuous,
                new DateOnly(2026, 1, 1),
                null,
                FrenchRegion.MetropolitanTimeZone,
                IsTwoStage: false,
                [Emerging, Consolidating],
                [new CallFunder(DemoSeeder.StateNational, 3_000_000m), new CallFunder(DemoSeeder.StateAuvergneRhoneAlpes, 600_000m), new CallFunder(DemoSeeder.RegionBretagne, 400_000m)]),
            PermanentRules,
            now.AddMonths(-11)).Value;
        permanent.Publish(now.AddMonths(-11));
        db.Calls.Add(permanent);

        var today = now.Today(permanent.TimeZoneId);
        var lastQuarterEnd = QuarterEnd(today.AddMonths(-3));
        var past = Session(permanent, $"Session du {FrenchQuarter(lastQuarterEnd)}", lastQuarterEnd, now.AddMonths(-6));
        var next = Session(permanent, $"Session du {FrenchQuarter(QuarterEnd(today))}", QuarterEnd(today), now);
        var following = Session(permanent, $"Session du {FrenchQuarter(QuarterEnd(today.AddMonths(3)))}", QuarterEnd(today.AddMonths(3)), now);
        db.CommitteeSessions.AddRange(past, next, following);

        var brittany = Call.Draft(
            BrittanyCall,
            programme.Id,
            new CallDetails(
                "Appel à projets PTCE Bretagne",
                "Appel régional en deux étapes : l'étape 1 retient des lauréats accompagnés, l'étape 2 finance les projets de PTCE bretons.",
                CallMode.FixedWindow,
                today.AddDays(-10),
                today.AddDays(60),
                FrenchRegion.MetropolitanTimeZone,
                IsTwoStage: true,
                [Emerging, Consolidating],
                [new CallFunder(DemoSeeder.RegionBretagne, 250_000m)]),
            PermanentRules with { Eligibility = PermanentRules.Eligibility with { RegionCodes = ["53"], MaximumAmount = 100_000m, MaximumDurationYears = 3 } },
            now.AddDays(-20)).Value;
        brittany.Publish(now.AddDays(-10));
        db.Calls.Add(brittany);
        db.CommitteeSessions.Add(Session(brittany, "Comité régional d'hiver", today.AddDays(60), now));

        db.Calls.Add(Call.Draft(
            CallId.New(),
            programme.Id,
            new CallDetails("AMI PTCE 2028 (en préparation)", "Prochaine édition de l'appel, en cours de rédaction.", CallMode.Continuous, new DateOnly(2028, 1, 1), null, FrenchRegion.MetropolitanTimeZone, false, [Emerging], [new CallFunder(DemoSeeder.StateNational, 2_000_000m)]),
            PermanentRules,
            now).Value);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // Submitted last quarter: examined at the past session (the review issue takes it from there).
        var monts = Draft(permanent, Consolidating, people.Cooperative, "Pôle de coopération des Monts du Lyonnais", people.Paula, now.AddMonths(-4));
        Fill(monts, people, years: 3, statePerYear: [50_000m, 35_000m, 20_000m], "Structurer la coopération entre producteurs, artisans et l'association d'insertion autour d'une légumerie et d'un atelier de transformation partagés.");
        await AttachAll(monts, people.Paula, now.AddMonths(-4), cancellationToken).ConfigureAwait(false);
        Submit(monts, permanent, people, [past, next, following], people.Paula, lastQuarterEnd.AddDays(-12));

        // Submitted this quarter, in Brittany: only the Brittany officers and the national level see it.
        var armor = Draft(permanent, Emerging, people.ArmorScop, "Numérique coopératif en pays de Rennes", people.Yann, now.AddDays(-20));
        armor.ComposeConsortium([new ConsortiumMember(people.ArmorScop.Id, MemberRole.Founding, true, 70m), new ConsortiumMember(people.Joinery.Id, MemberRole.Partner, false, 30m)]);
        FillBrittany(armor);
        await AttachAll(armor, people.Yann, now.AddDays(-20), cancellationToken).ConfigureAwait(false);
        Submit(armor, permanent, [Profile(people.ArmorScop), Profile(people.Joinery)], [past, next, following], people.Yann, now.AddDays(-5));

        // A draft the partner association contributes to; its completeness panel still lists what is missing.
        var logistics = Draft(permanent, Emerging, people.Cooperative, "Plateforme logistique mutualisée du Lyonnais", people.Paula, now.AddDays(-3));
        logistics.ComposeConsortium([new ConsortiumMember(people.Cooperative.Id, MemberRole.Founding, true, 50m), new ConsortiumMember(people.Gardens.Id, MemberRole.Partner, false, 50m)]);
        logistics.DescribeProject(new ProjectDescription("Plateforme logistique mutualisée du Lyonnais", "Mutualiser entrepôt, véhicules et tournées entre les membres du pôle.", "Rhône", ["Logistique", "Alimentation"], new DateOnly(today.Year + 1, 3, 1), 2));
        db.ApplicationContributors.Add(logistics.InviteContributor(people.Jules, people.Gardens.Id, people.Paula, now.AddDays(-2)).Value);

        // Withdrawn by its lead member.
        var withdrawn = Draft(permanent, Emerging, people.Cooperative, "Tiers-lieu rural de Saint-Symphorien", people.Paula, now.AddMonths(-2));
        withdrawn.Withdraw("Projet fusionné avec le pôle des Monts du Lyonnais.", now.AddMonths(-1));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        await SeedReview(permanent, people, staff, armor, today, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The review of the demo: a closed session of the second quarter with two accepted applications and a
    /// rejected one (opinions, proposals, decisions) and the signed agreements of the accepted ones
    /// (<see cref="DemoAgreements"/>), a file in review with an expert waiting to declare their interests,
    /// and the Brittany file taken by its officer.
    /// </summary>
    private async Task SeedReview(Call permanent, DemoConsortia people, DemoStaff staff, FundingApplication armor, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var firstCutOff = QuarterEnd(today.AddMonths(-6));
        var planned = new DateTimeOffset(firstCutOff.AddMonths(-3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var decided = Session(permanent, $"Session du {FrenchQuarter(firstCutOff)}", firstCutOff, planned);
        db.CommitteeSessions.Add(decided);
        var filedOn = firstCutOff.AddDays(-20);
        var examined = new DateTimeOffset(firstCutOff.AddDays(10).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

        var forez = Draft(permanent, Consolidating, people.Gardens, "Recyclerie partagée du Forez", people.Jules, planned);
        forez.ComposeConsortium([new ConsortiumMember(people.Gardens.Id, MemberRole.Founding, true, 60m), new ConsortiumMember(people.Joinery.Id, MemberRole.Partner, false, 40m)]);
        FillSimple(forez, "Collecter, réparer et revendre meubles et matériaux entre la menuiserie et l'association d'insertion.", 40_000m, 30_000m);
        var grocery = Draft(permanent, Emerging, people.Cooperative, "Épicerie solidaire itinérante", people.Paula, planned);
        grocery.ComposeConsortium([new ConsortiumMember(people.Cooperative.Id, MemberRole.Founding, true, 70m), new ConsortiumMember(people.Gardens.Id, MemberRole.Partner, false, 30m)]);
        FillSimple(grocery, "Un camion-épicerie desservant les villages sans commerce des Monts du Lyonnais.", 25_000m, 25_000m);
        var textile = Draft(permanent, Emerging, people.Gardens, "Ressourcerie textile du Roannais", people.Jules, planned);
        textile.ComposeConsortium([new ConsortiumMember(people.Gardens.Id, MemberRole.Founding, true, 70m), new ConsortiumMember(people.Joinery.Id, MemberRole.Partner, false, 30m)]);
        FillSimple(textile, "Collecter, trier et revaloriser les textiles usagés du Roannais, avec un atelier de couture en insertion.", 25_000m, 15_000m);
        // Older ties between the cooperative's members: a three-year project whose reports show every review outcome.
        var cannery = Draft(permanent, Consolidating, people.Cooperative, DemoAgreements.CanneryTitle, people.Paula, planned);
        Fill(cannery, people, years: 3, statePerYear: [30_000m, 20_000m, 10_000m], "Transformer les surplus des maraîchers du Pilat en conserves vendues par les épiceries du pôle, avec un atelier en insertion.");
        foreach (var application in new[] { forez, grocery, textile, cannery })
        {
            await AttachAll(application, application.CreatedBy, planned, cancellationToken).ConfigureAwait(false);
            Submit(application, permanent, [Profile(people.Cooperative), Profile(people.Gardens), Profile(people.Joinery)], [decided], application.CreatedBy, new DateTimeOffset(filedOn.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero));
        }

        Instruct(forez, staff, 70_000m, ScheduleShape.Tapering, examined.AddDays(-30));
        Instruct(grocery, staff, 50_000m, ScheduleShape.Flat, examined.AddDays(-30));
        Instruct(textile, staff, 40_000m, ScheduleShape.Tapering, examined.AddDays(-30));
        Instruct(cannery, staff, 60_000m, ScheduleShape.Tapering, examined.AddDays(-30), years: 3);
        Opinion(forez, staff.Reviewer, [5, 4, 4, 4], ReviewOpinion.Favourable, "Un modèle économique déjà éprouvé, une coopération réelle entre les membres.", examined.AddDays(-20));
        Opinion(grocery, staff.Reviewer, [2, 2, 3, 2], ReviewOpinion.Unfavourable, "Le modèle économique repose entièrement sur la subvention.", examined.AddDays(-20));
        Opinion(textile, staff.Reviewer, [4, 4, 4, 3], ReviewOpinion.Favourable, "Une filière locale qui manquait, un partenariat déjà actif avec la menuiserie.", examined.AddDays(-20));

        decided.Open(examined);
        var accepted = CommitteeDecision.Record(
            decided, permanent, forez,
            new DecisionInput(DecisionOutcome.Accepted, [new RequestedAmount(DemoSeeder.StateAuvergneRhoneAlpes, 70_000m)], 2, "Convention à signer avant la fin de l'année.", null, "Avis favorable unanime (5 voix pour)."),
            null, null, staff.CommitteeMember, examined).Value;
        var rejected = CommitteeDecision.Record(
            decided, permanent, grocery,
            new DecisionInput(DecisionOutcome.Rejected, [], null, null, "Le modèle économique ne montre pas de ressources propres suffisantes au terme de l'aide.", "3 voix contre, 2 abstentions."),
            null, null, staff.CommitteeMember, examined).Value;
        var acceptedTextile = CommitteeDecision.Record(
            decided, permanent, textile,
            new DecisionInput(DecisionOutcome.Accepted, [new RequestedAmount(DemoSeeder.StateAuvergneRhoneAlpes, 40_000m)], 2, null, null, "Avis favorable (4 voix pour, 1 abstention)."),
            null, null, staff.CommitteeMember, examined).Value;
        var acceptedCannery = CommitteeDecision.Record(
            decided, permanent, cannery,
            new DecisionInput(DecisionOutcome.Accepted, [new RequestedAmount(DemoSeeder.StateAuvergneRhoneAlpes, 60_000m)], 3, "Convention couvrant le projet depuis son lancement.", null, "Avis favorable (5 voix pour)."),
            null, null, staff.CommitteeMember, examined).Value;
        db.CommitteeDecisions.AddRange(accepted, rejected, acceptedTextile, acceptedCannery);
        decided.Close(examined.AddHours(2));

        // Their agreements: one under way with payments made and a balance blocked, one just signed, one whose reports
        // show every review outcome (and hold its payments).
        await new DemoAgreements(db, staff, files).Seed(
            new DemoAcceptance(forez, accepted, examined, people.Jules),
            new DemoAcceptance(textile, acceptedTextile, examined, people.Jules),
            new DemoAcceptance(cannery, acceptedCannery, examined, people.Paula),
            today,
            now,
            cancellationToken).ConfigureAwait(false);

        // In review this quarter: an expert designated, who has not declared their interests yet.
        var repair = Draft(permanent, Emerging, people.Gardens, "Atelier vélo solidaire du Beaujolais", people.Jules, now.AddDays(-40));
        repair.ComposeConsortium([new ConsortiumMember(people.Gardens.Id, MemberRole.Founding, true, 80m), new ConsortiumMember(people.Cooperative.Id, MemberRole.Partner, false, 20m)]);
        FillSimple(repair, "Réparer et louer des vélos, former des mécaniciens en insertion.", 20_000m, 15_000m);
        await AttachAll(repair, people.Jules, now.AddDays(-40), cancellationToken).ConfigureAwait(false);
        var sessions = db.CommitteeSessions.Local.Where(s => s.CallId == permanent.Id).ToList();
        Submit(repair, permanent, [Profile(people.Gardens), Profile(people.Cooperative)], sessions, people.Jules, now.AddDays(-30));
        Instruct(repair, staff, 35_000m, ScheduleShape.RampUp, now.AddDays(-10));
        db.ReviewerAssignments.Add(ReviewerAssignment.Assign(ReviewerAssignmentId.New(), repair.Id, staff.Reviewer, staff.Officer, now.AddDays(-9)));

        // The Brittany file has been taken by the Region's officer, who checks its completeness.
        armor.Assign(staff.BrittanyOfficer, "Nolwenn Le Gall", staff.BrittanyOfficer, now.AddDays(-2));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Taken by the officer, complete, eligible, with a proposal for the DREETS (over two years unless said).</summary>
    private static void Instruct(FundingApplication application, DemoStaff staff, decimal amount, ScheduleShape shape, DateTimeOffset at, int years = 2)
    {
        application.Assign(staff.Officer, "Camille Martin", staff.Officer, at);
        application.ConfirmCompleteness(staff.Officer, at.AddDays(1));
        application.DeclareEligibility(true, null, staff.Officer, at.AddDays(2));
        application.Propose("Projet cohérent avec les priorités régionales ; consortium solide.", [new RequestedAmount(DemoSeeder.StateAuvergneRhoneAlpes, amount)], years, shape, staff.Officer, at.AddDays(3));
    }

    private void Opinion(FundingApplication application, Guid reviewer, int[] scores, ReviewOpinion opinion, string text, DateTimeOffset at)
    {
        var assignment = ReviewerAssignment.Assign(ReviewerAssignmentId.New(), application.Id, reviewer, application.AssignedOfficerId!.Value, at);
        assignment.DeclareNoConflict(at.AddHours(1));
        var grid = PermanentRules.Grid;
        var submitted = assignment.SubmitOpinion(
            grid, [.. grid.Select((c, i) => new CriterionScore(c.Code, scores[i], $"Appréciation sur « {c.Label} »."))], opinion, text, "Échanges avec le chef de file à prévoir avant la convention.", at.AddDays(2));
        if (!submitted.IsSuccess)
        {
            throw new InvalidOperationException($"Demo opinion refused: {submitted.Error.Message}");
        }

        db.ReviewerAssignments.Add(assignment);
    }

    /// <summary>A two-year plan: per year, the DREETS share, own revenue, and staff and services spending that balance them.</summary>
    private static void FillSimple(FundingApplication application, string description, decimal statePerYearOne, decimal statePerYearTwo)
    {
        application.DescribeProject(new ProjectDescription(application.Title, description, "Rhône et Loire", ["Économie circulaire"], new DateOnly(2027, 1, 1), 2));
        decimal[] state = [statePerYearOne, statePerYearTwo];
        application.PlanFinancing(
            new FinancingPlan(
                [.. Enumerable.Range(1, 2).Select(y => new ExpenseLine(y, ExpenseCategory.Staff, state[y - 1] + 15_000m, "Coordination"))],
                [.. Enumerable.Range(1, 2).SelectMany(y => new[] { new ResourceLine(y, ResourceSource.State, state[y - 1], DemoSeeder.StateAuvergneRhoneAlpes), new ResourceLine(y, ResourceSource.OwnRevenue, 15_000m) })]),
            [new RequestedAmount(DemoSeeder.StateAuvergneRhoneAlpes, state.Sum())]);
        application.CommitToIndicators(
        [
            new IndicatorCommitment("emplois", 3m, [4m, 5m]),
            new IndicatorCommitment("membres", 2m, [3m, 4m]),
            new IndicatorCommitment("ressources-propres", 20m, [30m, 40m]),
        ]);
    }

    private FundingApplication Draft(Call call, string category, Organisation lead, string title, Guid userId, DateTimeOffset at)
    {
        var application = FundingApplication.Start(FundingApplicationId.New(), call, category, 1, Profile(lead), title, userId, at).Value;
        db.Applications.Add(application);
        return application;
    }

    private static void Fill(FundingApplication application, DemoConsortia people, int years, decimal[] statePerYear, string description)
    {
        application.ComposeConsortium(
        [
            new ConsortiumMember(people.Cooperative.Id, MemberRole.Founding, true, 50m),
            new ConsortiumMember(people.Gardens.Id, MemberRole.Founding, false, 30m),
            new ConsortiumMember(people.Joinery.Id, MemberRole.Partner, false, 20m),
        ]);
        application.DescribeProject(new ProjectDescription(application.Title, description, "Monts du Lyonnais (Rhône, Loire)", ["Alimentation", "Artisanat", "Insertion"], new DateOnly(2027, 1, 1), years));
        var expenses = new List<ExpenseLine>();
        var resources = new List<ResourceLine>();
        for (var year = 1; year <= years; year++)
        {
            var state = statePerYear[year - 1];
            var own = 30_000m + (10_000m * year);
            expenses.Add(new ExpenseLine(year, ExpenseCategory.Staff, state + 20_000m, "Coordination du pôle"));
            expenses.Add(new ExpenseLine(year, ExpenseCategory.ExternalServices, own, "Prestations et animation"));
            resources.Add(new ResourceLine(year, ResourceSource.State, state, DemoSeeder.StateAuvergneRhoneAlpes, "DREETS"));
            resources.Add(new ResourceLine(year, ResourceSource.Department, 20_000m, null, "Département du Rhône"));
            resources.Add(new ResourceLine(year, ResourceSource.OwnRevenue, own, null, "Ventes de la légumerie"));
        }

        application.PlanFinancing(new FinancingPlan(expenses, resources), [new RequestedAmount(DemoSeeder.StateAuvergneRhoneAlpes, statePerYear.Sum())]);
        application.CommitToIndicators(
        [
            new IndicatorCommitment("emplois", 6m, [.. Enumerable.Range(1, years).Select(y => 6m + (2 * y))]),
            new IndicatorCommitment("membres", 3m, [.. Enumerable.Range(1, years).Select(y => 3m + y)]),
            new IndicatorCommitment("ressources-propres", 25m, [.. Enumerable.Range(1, years).Select(y => 25m + (10 * y))]),
        ]);
    }

    private static void FillBrittany(FundingApplication application)
    {
        application.DescribeProject(new ProjectDescription(application.Title, "Coopérative de services numériques pour les structures de l'ESS du bassin rennais.", "Rennes Métropole", ["Numérique"], new DateOnly(2027, 4, 1), 2));
        application.PlanFinancing(
            new FinancingPlan(
                [new ExpenseLine(1, ExpenseCategory.Staff, 60_000m), new ExpenseLine(2, ExpenseCategory.Staff, 55_000m)],
                [
                    new ResourceLine(1, ResourceSource.Region, 40_000m, DemoSeeder.RegionBretagne), new ResourceLine(1, ResourceSource.OwnRevenue, 20_000m),
                    new ResourceLine(2, ResourceSource.Region, 25_000m, DemoSeeder.RegionBretagne), new ResourceLine(2, ResourceSource.OwnRevenue, 30_000m),
                ]),
            [new RequestedAmount(DemoSeeder.RegionBretagne, 65_000m)]);
        application.CommitToIndicators(
        [
            new IndicatorCommitment("emplois", 2m, [3m, 4m]),
            new IndicatorCommitment("membres", 2m, [4m, 6m]),
            new IndicatorCommitment("ressources-propres", 30m, [35m, 55m]),
        ]);
    }

    private void Submit(FundingApplication application, Call call, DemoConsortia people, IReadOnlyList<CommitteeSession> sessions, Guid userId, DateOnly on) =>
        Submit(application, call, [Profile(people.Cooperative), Profile(people.Gardens), Profile(people.Joinery)], sessions, userId, new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));

    private void Submit(FundingApplication application, Call call, IReadOnlyList<MemberProfile> members, IReadOnlyList<CommitteeSession> sessions, Guid userId, DateTimeOffset at)
    {
        var submitted = application.Submit(call, members, [.. PermanentRules.Documents.Select(d => d.Code)], sessions, db.Funders.Local, userId, at);
        if (!submitted.IsSuccess)
        {
            throw new InvalidOperationException($"Demo application '{application.Title}' cannot be submitted: {string.Join(" / ", submitted.Error.Failures.Select(f => f.Message))}");
        }
    }

    private async Task AttachAll(FundingApplication application, Guid userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var document in PermanentRules.Documents)
        {
            using var content = new MemoryStream(DemoPdf($"{document.Label} — {application.Title}"));
            var stored = await files.Save(content, cancellationToken).ConfigureAwait(false);
            db.ApplicationDocuments.Add(ApplicationDocument.Attach(
                application.Id, document.Code, $"{document.Code}.pdf", "application/pdf", stored.Size, stored.Sha256, stored.Key, userId, at));
        }
    }

    private static CommitteeSession Session(Call call, string name, DateOnly cutOff, DateTimeOffset plannedAt) =>
        CommitteeSession.Plan(CommitteeSessionId.New(), call, name, cutOff, cutOff.AddDays(21), plannedAt).Value;

    private static MemberProfile Profile(Organisation organisation) =>
        new(organisation.Id, organisation.Name, organisation.LegalForm, organisation.IsEss, organisation.RegionCode);

    private static DateOnly QuarterEnd(DateOnly day)
    {
        var lastMonth = ((day.Month - 1) / 3 * 3) + 3;
        return new DateOnly(day.Year, lastMonth, DateTime.DaysInMonth(day.Year, lastMonth));
    }

    private static string FrenchQuarter(DateOnly quarterEnd) => $"{(quarterEnd.Month / 3) switch { 1 => "1er", _ => $"{quarterEnd.Month / 3}e" }} trimestre {quarterEnd.Year}";

    /// <summary>A small, valid one-page PDF carrying a line of text.</summary>
    internal static byte[] DemoPdf(string text)
    {
        var safe = new string([.. text.Normalize(NormalizationForm.FormD).Where(c => c < 128 && c is not '(' and not ')' and not '\\')]);
        var stream = $"BT /F1 14 Tf 72 720 Td ({safe}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
