import { start } from "./app";
import "./screens/auth";
import "./screens/workspace";
import "./screens/project";
import "./screens/knowledge";
import "./screens/golive";
import "./screens/widget";
import "./screens/inbox";
import "./screens/analytics";
import "./screens/tests";
import "./screens/webhooks";
import "./screens/audit";

start();
