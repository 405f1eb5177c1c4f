using System.Net;
using static PtceFunding.IntegrationTests.Reviews.ReviewedApplication;

namespace PtceFunding.IntegrationTests.Reviews;

/// <summary>The expert's workspace in the browser: declaration first, then the grid and the opinion.</summary>
public sealed class ReviewerPagesTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_reviewer_declares_no_conflict_then_scores_the_grid_and_gives_an_opinion_on_the_page()
    {
        var application = await Submitted(app);
        var (email, _, assignmentId) = await application.AssignedReviewer();
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);

        var list = await browser.Get("/Expertise");
        Assert.Contains("Mes expertises", list, StringComparison.Ordinal);
        Assert.Contains($"/Expertise/Dossier?id={assignmentId}", list, StringComparison.Ordinal);
        Assert.Contains("Déclaration d&#x27;intérêts à faire", list, StringComparison.Ordinal);

        var dossier = $"/Expertise/Dossier?id={assignmentId}";
        var declaration = await browser.Get(dossier);
        Assert.Contains("Je déclare n'avoir aucun conflit d'intérêts avec ce dossier", declaration, StringComparison.Ordinal);
        Assert.DoesNotContain("Mutualiser un atelier", declaration, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"grille\"", declaration, StringComparison.Ordinal);

        var opened = await Text(await browser.Post(dossier + "&handler=Declare", new Dictionary<string, string> { ["hasConflict"] = "false" }));
        Assert.Contains("le dossier vous est ouvert", opened, StringComparison.Ordinal);
        Assert.Contains("Mutualiser un atelier", opened, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"grille\"", opened, StringComparison.Ordinal);
        Assert.Contains("Partie confidentielle (visible des chargés de mission et du comité uniquement)", opened, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(opened, "data-testid=\"critere\""));

        var form = new Dictionary<string, string>
        {
            ["Form.Scores[0].Code"] = "ancrage",
            ["Form.Scores[0].Score"] = "4",
            ["Form.Scores[0].Comment"] = "Bien implanté dans la métropole.",
            ["Form.Scores[1].Code"] = "cooperation",
            ["Form.Scores[1].Score"] = "3",
            ["Form.Scores[1].Comment"] = "",
            ["Form.Opinion"] = "Reserved",
            ["Form.Text"] = "Coopération à consolider.",
            ["Form.ConfidentialText"] = "Tension entre deux membres.",
        };
        var refused = await browser.Post(dossier + "&handler=Opinion", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await Text(refused);
        Assert.Contains("Justifiez la note du critère « Coopération » par un commentaire.", refusedPage, StringComparison.Ordinal);
        Assert.Contains("Bien implanté dans la métropole.", refusedPage, StringComparison.Ordinal); // what was typed is kept

        form["Form.Scores[1].Comment"] = "Coopération naissante.";
        var given = await Text(await browser.Post(dossier + "&handler=Opinion", form));
        Assert.Contains("Votre avis est remis", given, StringComparison.Ordinal);
        Assert.Contains("Conclusion : <strong>Réservé</strong> — note pondérée 72 / 100", given, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"grille\"", given, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_who_declares_a_conflict_on_the_page_is_recused()
    {
        var application = await Submitted(app);
        var (email, _, assignmentId) = await application.AssignedReviewer();
        var browser = new CookieBrowser(app);
        await browser.Login(email, PtceApp.Password);
        var dossier = $"/Expertise/Dossier?id={assignmentId}";

        var withoutDetails = await Text(await browser.Post(dossier + "&handler=Declare", new Dictionary<string, string> { ["hasConflict"] = "true", ["details"] = "" }));
        Assert.Contains("Décrivez le conflit d&#x27;intérêts", withoutDetails, StringComparison.Ordinal);

        var recused = await Text(await browser.Post(dossier + "&handler=Declare", new Dictionary<string, string> { ["hasConflict"] = "true", ["details"] = "Parent d'un salarié." }));
        Assert.Contains("Vous êtes déporté de ce dossier", recused, StringComparison.Ordinal);
        Assert.DoesNotContain("Mutualiser un atelier", recused, StringComparison.Ordinal);

        var stranger = new CookieBrowser(app);
        await stranger.Login(await app.AddUser(Domain.Users.Roles.Reviewer, application.Consortium.State), PtceApp.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetResponse(dossier)).StatusCode);
    }

    private static async Task<string> Text(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
