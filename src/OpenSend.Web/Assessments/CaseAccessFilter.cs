using OpenSend.Data.Access;
using OpenSend.Data.Database;
using OpenSend.Domain.Identity;
using OpenSend.Web.Problems;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Assessments;

/// <summary>Checks the caller's access to the case named by the route's {id} before anything else is bound or run.</summary>
public static class CaseAccessFilter
{
    public static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Require(CaseAccessLevel required) =>
        async (context, next) =>
        {
            var http = context.HttpContext;
            var id = Guid.TryParse(http.GetRouteValue("id")?.ToString(), out var parsed) ? parsed : Guid.Empty;
            var level = await http.RequestServices.GetRequiredService<OpenSendDbContext>().LevelAsync(http.User.ToViewer(), id, http.RequestAborted);
            return level == CaseAccessLevel.None ? TypedResults.Problem(ApiProblems.CaseNotFound())
                : level < required ? TypedResults.Problem(ApiProblems.CaseAccessDenied())
                : await next(context);
        };
}
