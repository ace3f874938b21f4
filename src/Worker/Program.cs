using LandUse.Worker.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddScoringWorker();

var app = builder.Build();
app.MapScoringWorker();
app.Run();
