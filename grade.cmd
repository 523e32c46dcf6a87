@echo off
rem Lockstep: grade the chapter's exercises on Windows.  grade.cmd --help  for the options.
rem   grade.cmd                  grade your working copy (templates\)
rem   grade.cmd watch [EXERCISE] grade the exercise you are on again at each save, until Ctrl-C
rem   grade.cmd selftest [ARGS]  build Lockstep and run its own tests (passes ARGS to Maven)
rem Needs only a JDK 21 or newer; it finds one (JAVA_HOME, PATH, the usual install folders).
rem
rem This mirrors ./grade and grader/jdk.sh step by step, in the same order; where it is simpler, a
rem comment says how. It was written on Linux and has not been run on Windows (README.md says what
rem was tested where).
setlocal EnableExtensions DisableDelayedExpansion

set "repo=%~dp0"
set "repo=%repo:~0,-1%"
set "dist=%repo%\grader\cli\target\dist"

rem find_jdk (grader/jdk.sh): the first JDK 21 or newer of JAVA_HOME, the javac and then the java on
rem PATH, then the usual install folders. The older Java it sees is listed in "found" for no_jdk.
set "JDK="
set "found="
if defined JAVA_HOME call :consider "%JAVA_HOME%"
for /f "delims=" %%f in ('where javac 2^>nul') do if not defined JDK call :consider "%%~dpf.."
for /f "delims=" %%f in ('where java 2^>nul') do if not defined JDK call :consider "%%~dpf.."
for %%p in ("%ProgramFiles%\Eclipse Adoptium\jdk-*" "%LOCALAPPDATA%\Programs\Eclipse Adoptium\jdk-*" "%ProgramFiles%\Java\jdk-*" "%ProgramFiles%\Microsoft\jdk-*" "%ProgramFiles%\Zulu\zulu-*" "%USERPROFILE%\.jdks\*") do (
  for /d %%d in (%%p) do if not defined JDK call :consider "%%~fd"
)
if not defined JDK goto :no_jdk
set "JAVA_HOME=%JDK%"

rem selftest: Lockstep's own tests, mvnw.cmd verify with the other arguments. ./grade first installs
rem bubblewrap, chromium and tmux where it can (Debian, as root); here the tests that need those
rem Linux tools are skipped and say why.
if not "%~1"=="selftest" goto :grade
set "args=%*"
call set "args=%%args:*selftest=%%"
call :mvnw verify %args%
exit /b %errorlevel%

:grade
rem Build on first run, and again whenever the grader or the course changed (never for templates\):
rem the same files as ./grade's stale() compares with the cli jar, compared by PowerShell (which
rem mvnw.cmd needs too). Without PowerShell only the first run builds.
set "stale="
if not exist "%dist%\lib\lockstep-cli-*.jar" set "stale=1"
if not defined stale powershell -NoProfile -Command "$jar = Get-Item (Join-Path $env:dist 'lib\lockstep-cli-*.jar') | Select-Object -First 1; $dirs = 'pom.xml', '.mvn', 'grader', 'exercises', 'solutions' | ForEach-Object { Join-Path $env:repo $_ } | Where-Object { Test-Path $_ }; $newer = Get-ChildItem $dirs -Recurse -File -Include *.java, *.xml, *.json, *.properties -ErrorAction SilentlyContinue | Where-Object { $_.FullName -notmatch '\\target\\' -and $_.LastWriteTime -gt $jar.LastWriteTime } | Select-Object -First 1; if ($newer) { exit 0 } else { exit 1 }" && set "stale=1"
if not defined stale goto :run
>&2 echo Building Lockstep (first run, or its sources changed; this takes a minute) ...
call :mvnw -q -DskipTests package >"%TEMP%\lockstep-build.log" 2>&1
if errorlevel 1 goto :build_failed
>&2 echo Built.

:run
rem lockstep.tty: whether the output is a terminal ([ -t 1 ] in ./grade), which cmd cannot tell.
rem Windows Terminal (WT_SESSION) and VS Code's terminal (TERM_PROGRAM) show colours and redraw lines;
rem the old console window may print the codes, so only those two count (NO_COLOR=1 when redirecting).
set "tty=false"
if defined WT_SESSION set "tty=true"
if defined TERM_PROGRAM set "tty=true"
rem The class-data archive, simpler than ./grade's: one name, not one per JDK and build, since
rem -XX:+AutoCreateSharedArchive writes it again when it no longer matches the JDK or the jars.
rem The commands that only read it do not write it (a batch's child graders read it). ./grade also
rem never writes it where the installation is not writable (a platform's user); a learner's clone is.
set "archive=%dist%\grader-windows.jsa"
set "cds=-XX:SharedArchiveFile="%archive%" -XX:+AutoCreateSharedArchive"
for %%c in (list hint batch merge package -h --help -V --version) do if "%~1"=="%%c" set "cds="
if not defined cds if exist "%archive%" set "cds=-XX:SharedArchiveFile="%archive%""
"%JDK%\bin\java.exe" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto %cds% ^
  -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr -Xlog:aot*=off:stderr ^
  "-Dlockstep.home=%dist%" "-Dlockstep.repo=%repo%" -Dlockstep.tty=%tty% "-Dlockstep.archive=%archive%" ^
  -cp "%dist%\lib\*" lockstep.cli.Main %*
exit /b %errorlevel%

:build_failed
>&2 echo grade: building Lockstep failed; see %TEMP%\lockstep-build.log
exit /b 1

rem no_jdk (grader/jdk.sh): no JDK 21 or newer; names the older Java it found, if any.
:no_jdk
if not defined found goto :no_jdk_none
>&2 echo grade: Lockstep needs a JDK 21 or newer, and found only %found%.
goto :no_jdk_where
:no_jdk_none
>&2 echo grade: Lockstep needs a JDK 21 or newer, and none was found.
:no_jdk_where
>&2 echo   Looked at JAVA_HOME, the javac and java on PATH, and the usual install folders
>&2 echo   (Eclipse Adoptium, Java, Microsoft and Zulu under %ProgramFiles%, and %USERPROFILE%\.jdks).
>&2 echo   Install a JDK 21 or newer (for example Temurin 21 or 25), then set JAVA_HOME to it.
exit /b 1

rem mvnw (./grade): the Maven wrapper in the repository, in batch mode.
:mvnw
pushd "%repo%"
call "%repo%\mvnw.cmd" -B %*
set "status=%errorlevel%"
popd
exit /b %status%

rem jdk_version (grader/jdk.sh) of the Java home %1, from its release file's JAVA_VERSION (every JDK
rem since 8 has one, so ./grade's fallback to "java -version" is left out): a JDK 21 or newer
rem becomes JDK; any other Java is listed as found.
:consider
set "c_home=%~f1"
if not exist "%c_home%\bin\java.exe" goto :eof
set "c_version="
if exist "%c_home%\release" for /f "usebackq tokens=1,* delims==" %%a in ("%c_home%\release") do if "%%a"=="JAVA_VERSION" set "c_version=%%~b"
if not defined c_version goto :eof
rem "17.0.2" is 17, "21-ea" 21, "1.8.0_402" 8.
set "c_minor="
for /f "tokens=1,2 delims=.-_+" %%a in ("%c_version%") do (
  set "c_major=%%a"
  set "c_minor=%%b"
)
if "%c_major%"=="1" set "c_major=%c_minor%"
set /a "c_feature=c_major" 2>nul
if not exist "%c_home%\bin\javac.exe" goto :consider_runtime
if %c_feature% GEQ 21 set "JDK=%c_home%"
if %c_feature% GEQ 21 goto :eof
call :unusable "%c_home% (Java %c_major%)"
goto :eof
:consider_runtime
call :unusable "%c_home% (Java %c_major%, no javac)"
goto :eof

rem Adds %1 to found, once (JAVA_HOME and the javac on PATH are often the same).
:unusable
if defined found goto :unusable_more
set "found=%~1"
goto :eof
:unusable_more
call set "c_rest=%%found:%~1=%%"
if "%c_rest%"=="%found%" set "found=%found%, %~1"
goto :eof
