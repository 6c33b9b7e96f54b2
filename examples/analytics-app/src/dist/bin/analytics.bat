@echo off
rem Unified Analytics command line. Put this directory on the PATH; JAVA_HOME (or java on the PATH) must be Java 17+.
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" %JAVA_OPTS% -cp "%APP_HOME%\lib\*" org.unifiedanalytics.examples.cli.Cli %*
exit /b %ERRORLEVEL%
